import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DependencyError } from '../../functions/domain/errors';
import { messengerByChannel } from '../../functions/domain/outbound/by-channel';
import {
  answerTwilioMessage,
  type MessagingDoorDeps,
  type MessagingLogEntry,
} from '../../functions/handlers/messaging/answer-message';
import { type OutboundParts, outboundParts } from '../../functions/shared/outbound';
import { closeForGood, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import {
  inboundMessage as message,
  messagingDeps,
  signedWebhook as signed,
} from '../support/messaging-webhook';
import { outboundOver } from '../support/outbound';

// Monday 23 Nov 2026, 22:10 in Paris: the French team has closed for the night.
const NOW = new Date('2026-11-23T21:10:00.000Z');

describe('messaging door answers: the per-sender limit and the case timeline', () => {
  let h: IntakeHarness;
  let deps: MessagingDoorDeps;
  let ledger: OutboundParts['ledger'];
  const logged: MessagingLogEntry[] = [];

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    deps = messagingDeps(h, logged);
    ledger = outboundOver(h).ledger;
  });
  afterAll(() => h.db.stop());

  it('answers one sender at most three times an hour when so set, still recording and queueing the rest', async () => {
    // Prepare: an auto-responder that answers every answer
    const limited = messagingDeps(h, logged, 3);
    const from = '+33644444444';
    const bodies = ['Bonjour', 'Message automatique', 'Message automatique', 'Message automatique'];
    // Act
    const answers = [];
    for (const Body of bodies)
      answers.push(await answerTwilioMessage(limited, signed(message({ From: from, Body }))));
    const fourth = message({ From: from, Body: 'Message automatique' });
    const redelivered = [await answerTwilioMessage(limited, signed(fourth))];
    redelivered.push(await answerTwilioMessage(limited, signed(fourth)));
    h.clock.advanceMinutes(60);
    const nextHour = await answerTwilioMessage(
      limited,
      signed(message({ From: from, Body: 'Toujours là ?' })),
    );
    h.clock.advanceMinutes(-60);
    // Assess
    expect(answers.map((a) => a.body.includes('<Message>'))).toEqual([true, true, true, false]);
    expect(redelivered.map((a) => a.body)).toEqual([answers[3]?.body, answers[3]?.body]);
    expect(nextHour.body).toContain('<Message>');
    const held = await h.cases.getContact(`sms:${fourth.MessageSid}`);
    expect(await ledger.get(held?.reply?.messageId ?? '')).toMatchObject({
      kind: 'acknowledgement',
      status: 'suppressed',
      reason: 'rate limit: 3 automatic messages per hour',
    });
    const queued = Object.values(await h.center.listAll()).flat();
    // One entry for the case, however many of its contacts were queued.
    expect(queued.filter((q) => q.caseNumber === held?.caseNumber)).toHaveLength(1);
    expect((await h.cases.getCase(held?.caseNumber ?? ''))?.contactCount).toBe(6);
  });

  it('puts "acknowledged" on a new case only when its answer goes out, not when the limit holds it back', async () => {
    // Prepare: one answer an hour for this sender
    const limited = messagingDeps(h, logged, 1);
    const from = '+33655550001';
    const first = message({ From: from, Body: 'Bonjour' });
    const second = message({ From: from, Body: 'Une autre question' });
    const timelineOf = async (params: Record<string, string>) => {
      const contact = await h.cases.getContact(`sms:${params.MessageSid}`);
      return (await h.cases.getCase(contact?.caseNumber ?? ''))?.timeline ?? [];
    };
    // Act: the first message opens a case and is answered; its case is closed, so the second opens
    // another case, but the hour's one answer is spent
    const answered = await answerTwilioMessage(limited, signed(first));
    const firstCase = (await h.cases.getContact(`sms:${first.MessageSid}`))?.caseNumber ?? '';
    await closeForGood(h, firstCase, NOW);
    const held = await answerTwilioMessage(limited, signed(second));
    // Assess
    expect(answered.body).toContain('<Message>');
    expect(held.body).not.toContain('<Message>');
    const opened = await timelineOf(first);
    expect(opened.map((e) => [e.type, e.channel])).toEqual([
      ['opened', 'sms'],
      ['acknowledged', 'sms'],
      ['resolved', undefined],
      ['closed', undefined],
    ]);
    expect((await timelineOf(second)).map((e) => e.type)).toEqual(['opened']);
  });

  it('records STOP from the guest, keeps answering their messages, and START lets everything through again', async () => {
    // Prepare
    const from = '+33655550004';
    const survey = (id: string) => ({
      id,
      kind: 'survey' as const,
      caseNumber: 'CR-STOP01',
      channel: 'sms' as const,
      to: from,
      language: 'fr' as const,
      text: 'Notez-nous de 1 à 5.',
      automatic: true,
      createdAt: NOW.toISOString(),
    });
    // Act
    const stop = await answerTwilioMessage(deps, signed(message({ From: from, Body: ' stop ' })));
    const held = await deps.deliver(survey('CR-STOP01:survey-1'));
    const notAKeyword = await answerTwilioMessage(deps, signed(message({ From: from, Body: 'STOP PLEASE' })));
    await answerTwilioMessage(deps, signed(message({ From: from, Body: 'START' })));
    const sent = await deps.deliver(survey('CR-STOP01:survey-2'));
    // Assess: the STOP is an answered message of the guest's own; the survey is not
    expect(stop.body).toContain('<Message>');
    expect(held).toEqual({ status: 'suppressed', reason: 'opted out of sms messages' });
    expect(notAKeyword.body).toContain('<Message>');
    // No Messenger sends SMS in this test: refused for that, no longer for the opt-out
    expect(sent.status).toBe('refused');
  });

  it('still answers when the case timeline cannot be written, and logs why', async () => {
    // Prepare: the store refuses only the timeline update that follows the answer
    const cases = Object.create(h.cases) as typeof h.cases;
    cases.appendToCase = async () => {
      throw new DependencyError('dynamodb', 'append to case: throttled');
    };
    const outbound = outboundParts(h.db.documentClient, h.db.tables.main, {
      messenger: messengerByChannel({}),
      cases,
      clock: h.clock,
      perAddressPerHour: () => 5,
    });
    const flaky: MessagingDoorDeps = { ...deps, deliver: outbound.deliver };
    const params = message({ From: '+33655550002', Body: 'Bonjour' });
    // Act
    const answer = await answerTwilioMessage(flaky, signed(params));
    // Assess
    expect(answer).toMatchObject({ status: 200, body: expect.stringContaining('<Message>') });
    expect(logged.at(-1)).toMatchObject({
      outcome: 'new_case',
      reply: 'inline: timeline not updated: dynamodb: append to case: throttled',
    });
    const contact = await h.cases.getContact(`sms:${params.MessageSid}`);
    expect((await h.cases.getCase(contact?.caseNumber ?? ''))?.timeline.map((e) => e.type)).toEqual([
      'opened',
    ]);
  });

  it('costs an answered message from an unknown sender on a new case its DynamoDB requests', async () => {
    const params = message({ From: '+33655550003', Body: 'Bonjour' });
    h.requests.reset();
    await answerTwilioMessage(deps, signed(params));
    // 7 for the intake of an unknown sender's new case (its three reads are one BatchGetItem, the
    // waiting entry is read and written); deliver's rate counter (its ledger record goes with the
    // contact's write); "acknowledged" on the timeline
    expect(h.requests.total()).toBe(9);
  });
});
