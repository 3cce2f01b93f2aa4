import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DependencyError } from '../../functions/domain/errors';
import { intake } from '../../functions/domain/intake/intake';
import {
  type Messenger,
  MessengerRefusal,
  type OutboundMessage,
  type SentMessage,
} from '../../functions/domain/outbound/messenger';
import { aContact, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { outboundOver } from '../support/outbound';

const NOW = new Date('2026-11-23T10:00:00.000Z');
let ids = 0;

function aMessage(extra: Partial<OutboundMessage> = {}): OutboundMessage {
  ids++;
  return {
    id: `CR-TEST${ids}:survey`,
    kind: 'survey',
    caseNumber: `CR-TEST${ids}`,
    channel: 'sms',
    to: `+4477009${String(ids).padStart(5, '0')}`,
    language: 'en',
    text: 'How did we do? Reply 1 to 5.',
    automatic: true,
    createdAt: NOW.toISOString(),
    ...extra,
  };
}

/** A Messenger that counts its sends, answering after `delayMs` (or never, to stand for a crash). */
class CountingMessenger implements Messenger {
  sends: OutboundMessage[] = [];
  failWith: Error | undefined;
  constructor(private readonly delayMs: number | 'never' = 0) {}
  async send(message: OutboundMessage): Promise<SentMessage> {
    this.sends.push(message);
    const delay = this.delayMs;
    if (delay === 'never') return new Promise<SentMessage>(() => {});
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.failWith) throw this.failWith;
    return { providerMessageId: `SM${this.sends.length}-${message.id}`, status: 'queued' };
  }
}

describe('deliver over the DynamoDB outbound ledger', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
  });
  afterAll(() => h.db.stop());

  it('sends a message once however many of 50 concurrent calls deliver the same id', async () => {
    // Prepare
    const sms = new CountingMessenger(30);
    const { deliver, ledger } = outboundOver(h, { messengers: { sms } });
    const message = aMessage();
    // Act
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => deliver({ ...message })));
    // Assess
    expect(sms.sends).toHaveLength(1);
    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].every((s) => s === 'queued' || s === 'pending')).toBe(true);
    expect(await ledger.get(message.id)).toMatchObject({
      status: 'queued',
      providerMessageId: `SM1-${message.id}`,
    });
    expect(await deliver(message)).toEqual({ status: 'queued', providerMessageId: `SM1-${message.id}` });
    expect(sms.sends).toHaveLength(1);
  });

  it('never sends again a message whose sender died between claim and answer, and says so', async () => {
    // Prepare: the first attempt claims the message and its process never hears back
    const hanging = new CountingMessenger('never');
    const message = aMessage();
    void outboundOver(h, { messengers: { sms: hanging } }).deliver(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const later = new CountingMessenger();
    const { deliver, ledger } = outboundOver(h, { messengers: { sms: later } });
    // Act: a retry while the send may still be under way, then one after it went stale
    const early = await deliver(message);
    h.clock.advanceMinutes(3);
    const late = await deliver(message);
    h.clock.advanceMinutes(-3);
    // Assess
    expect(early).toEqual({ status: 'pending', reason: 'being sent by another attempt' });
    expect(late.status).toBe('failed');
    expect(late.reason).toMatch(/^unconfirmed: the send started at .+ never reported back; not sent again$/);
    expect(hanging.sends).toHaveLength(1);
    expect(later.sends).toHaveLength(0);
    expect((await ledger.get(message.id))?.status).toBe('failed');
  });

  it('leaves a send that may work later pending and sends it on the retry; records a refusal for good', async () => {
    // Prepare
    const sms = new CountingMessenger();
    const { deliver, ledger } = outboundOver(h, { messengers: { sms } });
    const message = aMessage();
    sms.failWith = new DependencyError('twilio', '503 service unavailable');
    // Act
    const first = await deliver(message);
    sms.failWith = undefined;
    const retried = await deliver(message);
    const refusedMessage = aMessage();
    sms.failWith = new MessengerRefusal('twilio', '21211: invalid To number');
    const refused = await deliver(refusedMessage);
    // Assess
    expect(first).toEqual({ status: 'pending', reason: 'DependencyError: twilio: 503 service unavailable' });
    expect(retried).toMatchObject({ status: 'queued' });
    expect(await ledger.get(message.id)).not.toHaveProperty('error');
    expect(refused).toEqual({
      status: 'refused',
      reason: 'MessengerRefusal: twilio: 21211: invalid To number',
    });
    expect(sms.sends.map((m) => m.id)).toEqual([message.id, message.id, refusedMessage.id]);
  });

  it('after STOP sends a guest only answers to their own messages, and everything again after START', async () => {
    // Prepare
    const sms = new CountingMessenger();
    const { deliver, guests } = outboundOver(h, { messengers: { sms } });
    const to = '+447700900777';
    // Act
    await guests.setOptOut(to, 'sms', true, NOW.toISOString());
    const survey = await deliver(aMessage({ to }));
    const agentReply = await deliver(
      aMessage({ to, kind: 'agent_reply', automatic: false, agentId: 'agent-7', id: 'reply-stop-1' }),
    );
    const ack = await deliver(aMessage({ to, kind: 'acknowledgement', id: 'sms:SMstop:ack', inline: true }));
    const otherChannel = await deliver(aMessage({ to, channel: 'whatsapp' }));
    await guests.setOptOut(to, 'sms', false, NOW.toISOString());
    const afterStart = await deliver(aMessage({ to }));
    // Assess
    expect(survey).toEqual({ status: 'suppressed', reason: 'opted out of sms messages' });
    expect(agentReply.status).toBe('queued');
    expect(ack.status).toBe('inline');
    // No Messenger for WhatsApp in this test: refused, but not for an opt-out.
    expect(otherChannel.status).toBe('refused');
    expect(afterStart.status).toBe('queued');
  });

  it('records an opt-out the provider reports when it refuses a message', async () => {
    // Prepare
    const sms = new CountingMessenger();
    const { deliver, guests } = outboundOver(h, { messengers: { sms } });
    const to = '+447700900778';
    sms.failWith = new MessengerRefusal('twilio', '21610: unsubscribed recipient', { optedOut: true });
    // Act
    const refused = await deliver(aMessage({ to }));
    sms.failWith = undefined;
    const next = await deliver(aMessage({ to }));
    // Assess
    expect(refused.status).toBe('refused');
    expect(await guests.optedOut(to, 'sms')).toBe(true);
    expect(next).toEqual({ status: 'suppressed', reason: 'opted out of sms messages' });
    expect(sms.sends).toHaveLength(1);
  });

  it('lets three automatic messages an hour through to one address, counting a retry once', async () => {
    // Prepare
    const sms = new CountingMessenger();
    const { deliver } = outboundOver(h, { messengers: { sms }, perHour: 3 });
    const to = '+447700900779';
    const first = aMessage({ to });
    // Act
    const outcomes = [await deliver(first), await deliver(first)];
    for (let i = 0; i < 3; i++) outcomes.push(await deliver(aMessage({ to })));
    const byAgent = await deliver(
      aMessage({ to, kind: 'agent_reply', automatic: false, id: 'reply-rate-1' }),
    );
    h.clock.advanceMinutes(60);
    const nextHour = await deliver(aMessage({ to }));
    h.clock.advanceMinutes(-60);
    // Assess
    expect(outcomes.map((o) => o.status)).toEqual(['queued', 'queued', 'queued', 'queued', 'suppressed']);
    expect(outcomes[4]?.reason).toBe('rate limit: 3 automatic messages per hour');
    expect(byAgent.status).toBe('queued');
    expect(nextHour.status).toBe('queued');
  });

  it('records provider reports by their id, never going back a stage, and an opt-out they report', async () => {
    // Prepare
    const sms = new CountingMessenger();
    const { deliver, ledger, guests } = outboundOver(h, { messengers: { sms } });
    const message = aMessage({ to: '+447700900780' });
    const { providerMessageId } = await deliver(message);
    const at = NOW.toISOString();
    // Act
    const delivered = await ledger.record({
      providerMessageId: providerMessageId ?? '',
      status: 'delivered',
      at,
    });
    await ledger.record({ providerMessageId: providerMessageId ?? '', status: 'sent', at });
    const unknown = await ledger.record({ providerMessageId: 'SMnobody', status: 'delivered', at });
    const other = aMessage({ to: '+447700900781' });
    const otherId = (await deliver(other)).providerMessageId ?? '';
    await ledger.record({ providerMessageId: otherId, status: 'failed', error: '21610', optedOut: true, at });
    // Assess
    expect(delivered).toBe('recorded');
    expect((await ledger.get(message.id))?.status).toBe('delivered');
    expect(unknown).toBe('unknown');
    expect(await ledger.get(other.id)).toMatchObject({ status: 'failed', error: '21610' });
    expect(await guests.optedOut(other.to, 'sms')).toBe(true);
  });

  it('lists every message newest first with its kind, channel, recipient and status', async () => {
    // Prepare
    const { deliver, ledger } = outboundOver(h, { messengers: { sms: new CountingMessenger() } });
    const older = aMessage({ createdAt: '2999-01-01T09:00:00.000Z' });
    const newer = aMessage({
      createdAt: '2999-01-01T09:05:00.000Z',
      kind: 'acknowledgement',
      channel: 'whatsapp',
      inline: true,
    });
    await deliver(older);
    await deliver(newer);
    // Act
    const listed = await ledger.list(2);
    // Assess
    expect(listed.map((m) => [m.id, m.kind, m.channel, m.status])).toEqual([
      [newer.id, 'acknowledgement', 'whatsapp', 'inline'],
      [older.id, 'survey', 'sms', 'queued'],
    ]);
  });

  it("keeps WhatsApp's 24-hour window: text inside, an approved template outside, else refused and kept", async () => {
    // Prepare: the guest wrote on WhatsApp at NOW; an agent answers 2 hours, then 25 hours later
    const guest = '+34600111222';
    const wrote = await intake(
      h.deps,
      aContact({ channel: 'whatsapp', from: guest, receivedAt: NOW.toISOString() }),
    );
    const caseNumber = wrote.record.caseNumber;
    const whatsapp = new CountingMessenger();
    const reply = (n: number) =>
      aMessage({
        id: `${caseNumber}:reply:${n}`,
        kind: 'agent_reply',
        caseNumber,
        channel: 'whatsapp',
        to: guest,
        automatic: false,
        text: 'Your late check-in is arranged.',
      });
    const bare = outboundOver(h, { messengers: { whatsapp }, whatsAppTemplates: {} });
    const approved = outboundOver(h, {
      messengers: { whatsapp },
      whatsAppTemplates: { agent_reply: { en: 'HX0123456789abcdef0123456789abcdef' } },
    });

    // Act
    h.clock.advanceMinutes(120);
    const inside = await bare.deliver(reply(1));
    h.clock.advanceMinutes(23 * 60);
    const refused = await bare.deliver(reply(2));
    const templated = await approved.deliver(reply(3));
    h.clock.current = NOW;

    // Assess
    expect(inside.status).toBe('queued');
    expect(whatsapp.sends[0]?.template).toBeUndefined();
    expect(refused).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('whatsAppTemplates.agent_reply.en'),
    });
    expect((await bare.ledger.get(`${caseNumber}:reply:2`))?.status).toBe('refused');
    expect(templated.status).toBe('queued');
    expect(whatsapp.sends).toHaveLength(2);
    expect(whatsapp.sends[1]?.template).toEqual({
      purpose: 'agent_reply',
      variables: { '1': caseNumber, '2': 'Your late check-in is arranged.' },
    });
  });
});
