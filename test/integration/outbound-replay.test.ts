import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DependencyError } from '../../functions/domain/errors';
import {
  type Messenger,
  MessengerRefusal,
  type OutboundMessage,
  type SentMessage,
} from '../../functions/domain/outbound/messenger';
import { replayUnsent } from '../../functions/domain/outbound/replay';
import { type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { outboundOver } from '../support/outbound';

const NOW = new Date('2026-11-23T10:00:00.000Z');

const reply = (n: number, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: `CR-REPLAY:reply:${n}`,
  kind: 'agent_reply',
  caseNumber: 'CR-REPLAY',
  channel: 'sms',
  to: `+4477009000${n}`,
  language: 'en',
  text: `Reply ${n}`,
  automatic: false,
  agentId: 'ana',
  createdAt: NOW.toISOString(),
  ...extra,
});

/** A Messenger that throws what each message's text says it should, until told to work. */
class ScriptedMessenger implements Messenger {
  sends: string[] = [];
  working = false;
  async send(message: OutboundMessage): Promise<SentMessage> {
    this.sends.push(message.id);
    if (message.text.includes('refused')) throw new MessengerRefusal('sms', 'not a mobile number');
    if (message.text.includes('bad request')) throw new DependencyError('sms', '400', { retryable: false });
    if (!this.working) throw new DependencyError('sms', '503 Service Unavailable', { retryable: true });
    return { providerMessageId: `SM-${message.id}`, status: 'queued' };
  }
}

describe('replaying unsent messages over the DynamoDB outbound ledger', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
  });
  afterAll(() => h.db.stop());

  it('lists only sends that may still go through, and sends each once when the provider is back', async () => {
    // Prepare: four sends fail while the provider is down, in four different ways
    const sms = new ScriptedMessenger();
    const { deliver, ledger } = outboundOver(h, { messengers: { sms } });
    const retryable = reply(1);
    const ack = reply(2, { id: 'sms:SM2:ack', kind: 'acknowledgement', automatic: true });
    await deliver(retryable);
    await deliver(ack);
    await deliver(reply(3, { text: 'refused' }));
    await deliver(reply(4, { text: 'bad request' }));
    const listed = (await ledger.listUnsent(10)).map((m) => m.id);

    // Act: a replay while still down, then two at once after it came back, then one more
    const whileDown = await replayUnsent({ ledger, deliver });
    sms.working = true;
    const [first, second] = await Promise.all([
      replayUnsent({ ledger, deliver }),
      replayUnsent({ ledger, deliver }),
    ]);
    const again = await replayUnsent({ ledger, deliver });

    // Assess
    expect(listed).toEqual([retryable.id, ack.id]);
    expect(whileDown).toEqual({ unsent: 1, sent: 0, stillUnsent: 1, settled: 0 });
    expect((first?.sent ?? 0) + (second?.sent ?? 0)).toBe(1);
    expect(again).toEqual({ unsent: 0, sent: 0, stillUnsent: 0, settled: 0 });
    expect(sms.sends.filter((id) => id === retryable.id)).toHaveLength(3);
    expect(await ledger.get(retryable.id)).toMatchObject({
      status: 'queued',
      providerMessageId: `SM-${retryable.id}`,
    });
    expect((await ledger.listUnsent(10)).map((m) => m.id)).toEqual([ack.id]);
  });
});
