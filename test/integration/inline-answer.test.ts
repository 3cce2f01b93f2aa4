import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundKey } from '../../functions/adapters/dynamodb/keys';
import { intake } from '../../functions/domain/intake/intake';
import { storeContact } from '../../functions/domain/intake/store-contact';
import { receiveMessage } from '../../functions/domain/messaging/receive-message';
import type { Deliver } from '../../functions/domain/outbound/deliver';
import { aContact, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { outboundOver } from '../support/outbound';

// The TwiML answer's ledger record is written with its contact (storeContact), not as an item of its own.
describe('an inline answer recorded with its contact', () => {
  let h: IntakeHarness;
  let outbound: ReturnType<typeof outboundOver>;
  let deliver: Deliver;

  beforeAll(async () => {
    h = await startIntakeHarness(new Date('2026-11-23T10:00:00.000Z'));
    outbound = outboundOver(h, { perHour: 10 });
    deliver = outbound.deliver;
  });
  afterAll(() => h.db.stop());

  const ledgerItem = async (id: string) =>
    (await h.db.documentClient.send(new GetCommand({ TableName: h.db.tables.main, Key: outboundKey(id) })))
      .Item;

  it('answers 20 concurrent deliveries of one message alike, storing one contact that the ledger reads', async () => {
    // Prepare
    const sms = aContact({ from: '+447700900601', text: 'Can I add breakfast?', languageHint: 'en' });
    const deps = { intake: h.deps, deliver, guests: outbound.guests };
    // Act
    const all = await Promise.all(Array.from({ length: 20 }, () => receiveMessage(deps, { ...sms })));
    // Assess
    const id = `sms:${sms.channelMessageId}:ack`;
    expect(new Set(all.map((r) => r.answer)).size).toBe(1);
    expect(all[0]?.answer).toContain('CR-');
    expect(all.every((r) => r.delivery?.status === 'inline')).toBe(true);
    expect(all.filter((r) => r.result.outcome === 'new_case')).toHaveLength(1);
    expect(await ledgerItem(id)).toBeUndefined();
    const [one] = await outbound.ledger.getMany([id]);
    expect(one).toMatchObject({
      id,
      kind: 'acknowledgement',
      status: 'inline',
      to: sms.from,
      text: all[0]?.answer,
    });
    expect(await outbound.ledger.get(id)).toEqual(one);
    expect((await outbound.ledger.list(50)).filter((r) => r.id === id)).toEqual([one]);
    const kase = await h.cases.getCase(all[0]?.result.record.caseNumber ?? '');
    expect(kase?.timeline.filter((e) => e.type === 'acknowledged')).toHaveLength(1);
  });

  it('keeps the rate limit: a held-back answer stays held back when the message comes again', async () => {
    // Prepare: one answer an hour for this sender, already spent
    const limited = outboundOver(h, { perHour: 1 });
    const deps = { intake: h.deps, deliver: limited.deliver, guests: limited.guests };
    const from = '+447700900602';
    await receiveMessage(deps, aContact({ from, text: 'Hello', languageHint: 'en' }));
    const held = aContact({ from, text: 'Hello again', languageHint: 'en' });
    // Act
    const first = await receiveMessage(deps, held);
    const again = await receiveMessage(deps, { ...held });
    // Assess
    expect(first.answer).toBeUndefined();
    expect(again).toMatchObject({ answer: undefined, delivery: first.delivery });
    expect(again.result.outcome).toBe('duplicate');
    expect(await limited.ledger.get(`sms:${held.channelMessageId}:ack`)).toMatchObject({
      status: 'suppressed',
      reason: 'rate limit: 1 automatic messages per hour',
    });
  });

  it('stores the contact once when deliver keeps its own ledger item, and answers a redelivery from it', async () => {
    // Prepare: a deliver that takes no carrier (every record in the ledger)
    const own: Deliver = (message) => deliver(message);
    const sms = aContact({ from: '+447700900603', text: 'Any news?', languageHint: 'en' });
    // Act
    const first = await receiveMessage({ intake: h.deps, deliver: own, guests: outbound.guests }, sms);
    const again = await receiveMessage({ intake: h.deps, deliver, guests: outbound.guests }, { ...sms });
    // Assess
    expect(first.delivery?.status).toBe('inline');
    expect(again.answer).toBe(first.answer);
    expect(await h.cases.getContact(`sms:${sms.channelMessageId}`)).toMatchObject({
      reply: { messageId: `sms:${sms.channelMessageId}:ack` },
    });
    expect(await ledgerItem(`sms:${sms.channelMessageId}:ack`)).toMatchObject({ status: 'inline' });
  });

  it('answers a contact stored without its answer (a door that does not carry it) through the ledger', async () => {
    // Prepare
    const sms = aContact({ from: '+447700900604', text: 'Is parking free?', languageHint: 'en' });
    const stored = await intake(h.deps, sms);
    // Act
    const answered = await receiveMessage({ intake: h.deps, deliver, guests: outbound.guests }, { ...sms });
    // Assess
    expect(answered.result.outcome).toBe('duplicate');
    expect(answered.answer).toBe(stored.record.reply?.text);
    expect(await ledgerItem(`sms:${sms.channelMessageId}:ack`)).toMatchObject({ status: 'inline' });
  });

  it('lets the ledger claim the answer when a racing attempt stored the contact without one', async () => {
    // Prepare: the contact as a door that does not carry answers stored it, found only by the put
    const sms = aContact({ from: '+447700900605', text: 'Late check-in?', languageHint: 'en' });
    const { record } = await intake(h.deps, sms);
    const racing = { putContactOnce: async () => ({ created: false as const, existing: record }) };
    // Act
    const stored = await storeContact(racing, record, deliver);
    // Assess: the answer is claimed in the ledger, and the contact that won is the one returned
    expect(stored).toMatchObject({ created: false, existing: record, delivery: { status: 'inline' } });
    expect(await ledgerItem(`sms:${sms.channelMessageId}:ack`)).toMatchObject({ status: 'inline' });
  });
});
