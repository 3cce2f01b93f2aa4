// Load shedding over dynalite: a queue filled past its threshold through the real intake, then the
// contacts that follow, written and called (the Connect flows played by the flow simulator).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../functions/domain/i18n/catalogue';
import { IVR_PROMPTS } from '../../functions/domain/i18n/ivr-prompts';
import { waitPhrase } from '../../functions/domain/i18n/wait';
import { type IntakeDeps, intake } from '../../functions/domain/intake/intake';
import type { Language } from '../../functions/domain/languages';
import { CachedQueueLoad } from '../../functions/domain/routing/queue-load';
import { aContact, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { type IvrHarness, LINES, startIvrHarness } from './ivr-harness';

// Monday 23 Nov 2026: the English and German teams are open.
const NOW = new Date('2026-11-23T10:00:00Z');
// The shipped policy sheds past 50 waiting cases: one more than that.
const PAST_THRESHOLD = 51;

// Fills a team's queue with new cases from distinct senders through the intake (no shedding read).
async function fill(h: IntakeHarness, language: Language, text: string, prefix: string) {
  for (let i = 0; i < PAST_THRESHOLD; i++)
    await intake(
      h.deps,
      aContact({ from: `${prefix}${String(i).padStart(3, '0')}`, text, languageHint: language }),
    );
}

describe('load shedding of written contacts', () => {
  let h: IntakeHarness;
  let deps: IntakeDeps;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    await fill(h, 'en', 'Can I add breakfast to my booking?', '+4477009');
    deps = { ...h.deps, queueLoad: new CachedQueueLoad(h.center, h.clock) };
  });
  afterAll(() => h.db.stop());

  it('tells a non-urgent SMS the honest time and that the answer comes by message, keeping it queued', async () => {
    // Act
    const sms = aContact({ from: '+447700800001', text: 'Can I change my dates?', languageHint: 'en' });
    const result = await intake(deps, sms);

    // Assess: 51 waiting cases × 5 minutes, said in words, and the case still waits for the team
    const { decision, reply } = result.record;
    expect(decision.shed).toMatchObject({ waitingCases: PAST_THRESHOLD, threshold: 50 });
    expect(decision.expectedResponseMinutes).toBe(255);
    expect(reply?.text).toContain(waitPhrase('en', 255));
    expect(reply?.text).toContain(CATALOGUE.en.busyAnswerByMessage);
    const waiting = await h.center.listQueue('en-team');
    expect(waiting.map((entry) => entry.caseNumber)).toContain(result.record.caseNumber);
  });

  it('says the same to an email and a Telegram message, in their language team', async () => {
    // Act
    const email = await intake(
      deps,
      aContact({
        channel: 'email',
        from: 'guest@example.org',
        subject: 'Dates',
        text: 'Can I change my dates?',
      }),
    );
    const telegram = await intake(
      deps,
      aContact({
        channel: 'telegram',
        from: 'telegram:5123456789',
        text: 'Can I change my dates?',
        languageHint: 'en',
      }),
    );

    // Assess
    for (const result of [email, telegram]) {
      expect(result.record.decision.queue).toBe('en-team');
      expect(result.record.reply?.text).toContain(CATALOGUE.en.busyAnswerByMessage);
    }
  });

  it('never sheds an emergency: it is told the emergency target and jumps the queue', async () => {
    // Act
    const sms = aContact({
      from: '+447700800002',
      text: 'There is a fire in my hotel room and my son is hurt',
      languageHint: 'en',
    });
    const result = await intake(deps, sms);

    // Assess
    const { decision, reply } = result.record;
    expect(decision.priority).toBe(1);
    expect(decision.shed).toBeUndefined();
    expect(decision.reasons).toContain(
      `en-team has ${PAST_THRESHOLD} waiting cases (over 50): urgent, never shed`,
    );
    expect(reply?.text).not.toContain(CATALOGUE.en.busyAnswerByMessage);
  });

  it('sheds nothing in a queue under its threshold', async () => {
    // Act
    const sms = aContact({ from: '+33612340001', text: 'Puis-je changer mes dates ?', languageHint: 'fr' });
    const result = await intake(deps, sms);

    // Assess
    expect(result.record.decision.queue).toBe('fr-team');
    expect(result.record.decision.shed).toBeUndefined();
    expect(result.record.reply?.text).not.toContain(CATALOGUE.fr.busyAnswerByMessage);
  });
});

describe('load shedding of calls through the Connect flows', () => {
  let bench: IvrHarness;

  beforeAll(async () => {
    bench = await startIvrHarness(
      new Date('2026-11-23T12:00:00Z'),
      undefined,
      (h) => new CachedQueueLoad(h.center, h.clock),
    );
    await fill(bench.h, 'de', 'Kann ich Frühstück dazubuchen?', '+49301110');
  });
  afterAll(async () => bench.stop());

  async function waitInQueue(call: Awaited<ReturnType<IvrHarness['call']>>, answers: string[]) {
    return bench.call(LINES.de, '+4930222333', answers, {
      flow: 'customer-queue',
      attributes: call.attributes,
      queueArn: call.attributes.queueArn,
      contactId: call.contactId,
      maxSteps: 12,
    });
  }

  it('offers a shed caller the callback that keeps their place as soon as the call queues', async () => {
    // Act: "change a booking" (priority 4, a 2-hour target), no booking number; then the queue flow,
    // at once, pressing 1
    const call = await bench.call(LINES.de, '+4930222333', [undefined, '1', '#']);
    const queued = await waitInQueue(call, ['1']);

    // Assess: the announcement says the honest time (51 cases × 5 minutes, not the 2-hour target); the
    // offer comes without waiting callbackOfferAfterSeconds
    expect(call.attributes.shed).toBe('true');
    expect(call.heard.join(' ')).toContain(waitPhrase('de', PAST_THRESHOLD * 5));
    expect(queued.heard).toContain(IVR_PROMPTS.de.callbackOfferBusy);
    expect(queued.callbacks).toEqual([expect.objectContaining({ number: '+4930222333' })]);
  });

  it('queues an emergency caller at priority 1 with no early offer', async () => {
    // Act
    const call = await bench.call(LINES.de, '+4930222444', [undefined, '9']);
    const queued = await waitInQueue(call, []);

    // Assess
    expect(call.attributes.shed).toBe('false');
    expect(call.end).toMatchObject({ kind: 'queue', priority: 1 });
    expect(queued.heard).not.toContain(IVR_PROMPTS.de.callbackOfferBusy);
    expect(queued.heard).not.toContain(IVR_PROMPTS.de.callbackOffer);
  });
});
