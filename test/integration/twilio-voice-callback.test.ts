// The callback offered in Twilio's wait music (waitUrl), through the real Twilio Voice and TaskRouter
// Lambda handlers with real signatures, over dynalite: a shed caller is offered it at once, another
// after callbackOfferAfterSeconds, an emergency caller not; taking it keeps the case's place.
import { readFileSync } from 'node:fs';
import { ConnectClient } from '@aws-sdk/client-connect';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IVR_PROMPTS } from '../../functions/domain/i18n/ivr-prompts';
import { intake } from '../../functions/domain/intake/intake';
import { loadPhoneLines } from '../../functions/domain/ivr/phone-lines-schema';
import { CachedQueueLoad } from '../../functions/domain/routing/queue-load';
import { twilioTaskRouterHandler } from '../../functions/handlers/twilio-taskrouter';
import { twilioVoiceHandler } from '../../functions/handlers/twilio-voice';
import type { CaseMetrics } from '../../functions/shared/case-metrics';
import { logger } from '../../functions/shared/logger';
import { caseTaskDeps } from '../../functions/wiring/case-tasks';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { localIvrDeps } from '../../local/doors/voice/local-ivr';
import { aContact, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { lambdaEnv } from '../support/lambda-env';
import { outboundOver } from '../support/outbound';
import { signedTwilioEvent } from '../support/twilio-lambda-event';
import { LINES } from './ivr-harness';
import { waitUrlVerbErrors } from './twiml-nesting';

const TOKEN = 'voice-test-token-0123456789abcdef';
const HOST = 'abc123.execute-api.eu-west-1.amazonaws.com';
// Monday 23 Nov 2026, 12:00 UTC: the German team is open.
const NOW = new Date('2026-11-23T12:00:00Z');
// The shipped policy sheds past 50 waiting cases.
const PAST_THRESHOLD = 51;
const LINES_FILE = loadPhoneLines(JSON.parse(readFileSync('policy/phone-lines.json', 'utf8')));

let h: IntakeHarness;
let voice: ReturnType<typeof twilioVoiceHandler>;
// As deployed: no IVR call queue, the call (its TaskRouter task) is the case's only work item.
let deployedVoice: ReturnType<typeof twilioVoiceHandler>;
let taskRouter: ReturnType<typeof twilioTaskRouterHandler>;

beforeAll(async () => {
  logger.setLogLevel('ERROR');
  h = await startIntakeHarness(NOW);
  for (let i = 0; i < PAST_THRESHOLD; i++)
    await intake(
      h.deps,
      aContact({
        from: `+49301110${String(i).padStart(3, '0')}`,
        text: 'Frühstück dazubuchen?',
        languageHint: 'de',
      }),
    );
  const deps = { ...h.deps, queueLoad: new CachedQueueLoad(h.center, h.clock) };
  voice = twilioVoiceHandler(() => ({
    ivr: localIvrDeps(deps, h.center, LINES_FILE, 'twilio', outboundOver(h).deliver),
    authToken: async () => TOKEN,
    workflowSid: 'WW0123456789abcdef0123456789abcdef',
  }));
  deployedVoice = twilioVoiceHandler(() => ({
    ivr: { intake: deps, deliver: outboundOver(h).deliver, lines: LINES_FILE, platform: 'twilio' },
    authToken: async () => TOKEN,
    workflowSid: 'WW0123456789abcdef0123456789abcdef',
  }));
  taskRouter = twilioTaskRouterHandler((metrics: CaseMetrics) => ({
    ...caseTaskDeps(readContactCenterSettings(lambdaEnv(h.db)), metrics, {
      dynamo: h.db.documentClient,
      connect: new ConnectClient({ region: 'eu-west-1' }),
    }),
    authToken: async () => TOKEN,
  }));
});
afterAll(async () => h.db.stop());

function eventFor(url: string, params: Record<string, string>) {
  return signedTwilioEvent(TOKEN, url, params);
}

async function post(url: string, params: Record<string, string>, door = voice) {
  const out = await door(eventFor(url, params), {} as Context);
  return String(out.body);
}

const attribute = (twiml: string, name: string) =>
  (new RegExp(`${name}="([^"]+)"`).exec(twiml)?.[1] ?? '').replace(/&amp;/g, '&');

/** Plays the IVR on the German line with `keys` (one per question), up to the <Enqueue>. */
async function enqueue(callSid: string, from: string, keys: readonly string[], door = voice) {
  const base = { CallSid: callSid, From: from, To: LINES.de };
  let body = await post(`https://${HOST}/prod/twilio/voice`, base, door);
  for (const digits of keys) {
    if (body.includes('<Enqueue')) break;
    body = await post(attribute(body, 'action'), { ...base, Digits: digits }, door);
  }
  expect(body).toContain('<Enqueue');
  return { base, enqueued: body, waitUrl: attribute(body, 'waitUrl') };
}

// No language choice, "change a booking" (priority 4), no booking number.
const CHANGE_BOOKING_KEYS = ['', '1', '', '', ''];
const waitParams = (base: Record<string, string>) => ({ ...base, QueuePosition: '52', QueueTime: '0' });
// The TaskRouter <Task>'s attributes name the case.
const caseNumberOf = (twiml: string) => /"caseNumber":"([^"]+)"/.exec(twiml)?.[1] ?? '';

describe('the callback offered in the Twilio wait music', () => {
  it('offers a shed caller the callback at once, in a dtmf Gather the waitUrl may hold', async () => {
    // Act
    const { base, waitUrl } = await enqueue('CAshed0001', '+4930222333', CHANGE_BOOKING_KEYS);
    const wait = await post(waitUrl, waitParams(base));

    // Assess
    expect(new URL(waitUrl).searchParams.get('shed')).toBe('true');
    expect(wait).toMatch(/<Gather input="dtmf" action="[^"]*step=callback[^"]*" method="POST" numDigits="1"/);
    expect(wait).toContain(IVR_PROMPTS.de.callbackOfferBusy);
    expect(waitUrlVerbErrors(wait)).toEqual([]);
  });

  it('records the callback on the case when 1 is pressed, leaves the queue and keeps the place', async () => {
    // Prepare
    const { base, enqueued, waitUrl } = await enqueue('CAshed0002', '+4930222334', CHANGE_BOOKING_KEYS);
    const caseNumber = caseNumberOf(enqueued);
    const entryBefore = (await h.center.listQueue('de-team')).find((e) => e.caseNumber === caseNumber);
    const wait = await post(waitUrl, waitParams(base));

    // Act
    const taken = await post(attribute(wait, 'action'), { ...waitParams(base), Digits: '1' });

    // Assess: confirmed with the caller's last digits, then <Leave>; the case still waits, marked
    const digits = IVR_PROMPTS.de.callbackConfirm.replace('{digits}', '2 3 3 4');
    expect(taken).toContain(digits);
    expect(taken).toMatch(/<\/Say><Leave\/><\/Response>$/);
    expect(waitUrlVerbErrors(taken)).toEqual([]);
    const kase = await h.cases.getCase(caseNumber);
    expect(kase?.status).toBe('waiting');
    expect(kase?.timeline.filter((e) => e.type === 'callback_requested')).toEqual([
      expect.objectContaining({
        by: 'guest',
        note: 'call back +4930222334: asked while waiting in the queue',
      }),
    ]);
    const entries = (await h.center.listQueue('de-team')).filter((e) => e.caseNumber === caseNumber);
    expect(entries).toHaveLength(1);
    expect(entryBefore?.waitingSince).toBeDefined();
    expect(entries[0]?.waitingSince).toBe(entryBefore?.waitingSince);
    expect(entries[0]?.summary).toMatch(/^call back \+4930222334 \| /);
  });

  it('lets the canceled TaskRouter task of a caller who took the callback end without a supervisor flag', async () => {
    // Prepare: the call took the callback and left the queue
    const { base, enqueued, waitUrl } = await enqueue('CAshed0003', '+4930222335', CHANGE_BOOKING_KEYS);
    const caseNumber = caseNumberOf(enqueued);
    const wait = await post(waitUrl, waitParams(base));
    await post(attribute(wait, 'action'), { ...waitParams(base), Digits: '1' });
    const path = new URL('../fixtures/events/taskrouter/task-canceled.json', import.meta.url);
    const event = JSON.parse(readFileSync(path, 'utf8').replaceAll('CR-7K4M2Q', caseNumber)) as Record<
      string,
      string
    >;

    // Act: TaskRouter reports the call's task canceled
    const url = `https://${HOST}/prod/twilio/taskrouter`;
    const answered = await taskRouter(eventFor(url, event), {} as Context);

    // Assess: nothing flagged, still waiting in its entry
    expect(answered).toMatchObject({ statusCode: 204 });
    const kase = await h.cases.getCase(caseNumber);
    expect(kase?.status).toBe('waiting');
    expect(kase?.timeline.some((e) => e.type === 'flagged')).toBe(false);
    expect((await h.center.listQueue('de-team')).some((e) => e.caseNumber === caseNumber)).toBe(true);
  });

  it('gives the case its waiting entry where the call was its only work item (as deployed)', async () => {
    // Prepare: the deployed door queues nothing itself
    const { base, enqueued, waitUrl } = await enqueue(
      'CAaws00001',
      '+4930222337',
      CHANGE_BOOKING_KEYS,
      deployedVoice,
    );
    const caseNumber = caseNumberOf(enqueued);
    const inQueue = async () =>
      (await h.center.listQueue('de-team')).filter((e) => e.caseNumber === caseNumber);
    expect(await inQueue()).toEqual([]);
    const wait = await post(waitUrl, waitParams(base), deployedVoice);

    // Act
    await post(attribute(wait, 'action'), { ...waitParams(base), Digits: '1' }, deployedVoice);

    // Assess: one entry, saying whom to call, waiting since the call came in
    const entries = await inQueue();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.summary).toMatch(/^call back \+4930222337 \| /);
    expect(entries[0]?.waitingSince).toBe(NOW.toISOString());
  });

  it('leaves the hand-off pending for the retry when the contact centre fails, and still confirms', async () => {
    // Prepare
    const { base, enqueued, waitUrl } = await enqueue(
      'CAaws00002',
      '+4930222338',
      CHANGE_BOOKING_KEYS,
      deployedVoice,
    );
    const wait = await post(waitUrl, waitParams(base), deployedVoice);
    h.center.failWith(new Error('contact centre down'));
    try {
      // Act
      const taken = await post(
        attribute(wait, 'action'),
        { ...waitParams(base), Digits: '1' },
        deployedVoice,
      );

      // Assess
      expect(taken).toContain('<Leave/>');
    } finally {
      h.center.failWith(undefined);
    }
    const pending = await h.cases.listPendingHandoffs(100);
    expect(pending.map((c) => c.caseNumber)).toContain(caseNumberOf(enqueued));
  });

  it('keeps waiting on any other key, with the offer still made', async () => {
    // Act
    const { base, waitUrl, enqueued } = await enqueue('CAshed0004', '+4930222336', CHANGE_BOOKING_KEYS);
    const wait = await post(waitUrl, waitParams(base));
    const other = await post(attribute(wait, 'action'), { ...waitParams(base), Digits: '2' });

    // Assess
    expect(other).toContain('<Gather input="dtmf"');
    expect(other).not.toContain('<Leave');
    const kase = await h.cases.getCase(caseNumberOf(enqueued));
    expect(kase?.timeline.some((e) => e.type === 'callback_requested')).toBe(false);
  });

  it('offers an unshed caller the callback only after callbackOfferAfterSeconds', async () => {
    // Prepare: the English team is under its threshold
    const base = { CallSid: 'CAunshed001', From: '+447700900123', To: LINES.en };
    let body = await post(`https://${HOST}/prod/twilio/voice`, base);
    for (const digits of CHANGE_BOOKING_KEYS) {
      if (body.includes('<Enqueue')) break;
      body = await post(attribute(body, 'action'), { ...base, Digits: digits });
    }
    const waitUrl = attribute(body, 'waitUrl');
    const before = h.clock.current;
    try {
      // Act
      const early = await post(waitUrl, waitParams(base));
      h.clock.current = new Date(before.getTime() + (LINES_FILE.callbackOfferAfterSeconds - 1) * 1000);
      const almost = await post(waitUrl, waitParams(base));
      h.clock.current = new Date(before.getTime() + LINES_FILE.callbackOfferAfterSeconds * 1000);
      const later = await post(waitUrl, waitParams(base));

      // Assess
      expect(new URL(waitUrl).searchParams.get('shed')).toBe('false');
      expect(early).not.toContain('<Gather');
      expect(almost).not.toContain('<Gather');
      expect(later).toContain('<Gather input="dtmf"');
      expect(later).toContain(IVR_PROMPTS.en.callbackOffer);
      expect(later).not.toContain(IVR_PROMPTS.en.callbackOfferBusy);
    } finally {
      h.clock.current = before;
    }
  });

  it('never sheds an emergency caller: no offer at once, and no callback taken by pressing 1', async () => {
    // Act: the emergency key at the topic menu
    const { base, waitUrl, enqueued } = await enqueue('CAemerg001', '+4930222444', ['', '9']);
    const wait = await post(waitUrl, waitParams(base));
    const pressed = await post(waitUrl.replace('step=waiting', 'step=callback'), {
      ...waitParams(base),
      Digits: '1',
    });

    // Assess
    expect(new URL(waitUrl).searchParams.get('shed')).toBe('false');
    expect(enqueued).toContain('<Task priority="5">');
    expect(wait).not.toContain('<Gather');
    expect(pressed).not.toContain('<Leave');
    const kase = await h.cases.getCase(caseNumberOf(enqueued));
    expect(kase?.timeline.some((e) => e.type === 'callback_requested')).toBe(false);
  });
});
