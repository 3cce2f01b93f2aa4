import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { intake } from '../../functions/domain/intake/intake';
import { sendDueNotices } from '../../functions/domain/notify/notify-booking';
import { type BookingUpdates, bookingUpdatesOver } from '../support/booking-updates';
import { aContact, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';

// Monday 23 Nov 2026, 11:00 in Paris and Berlin: daytime for every guest below.
const NOW = new Date('2026-11-23T10:00:00.000Z');
let next = 400000000;

function aRow(extra: Record<string, unknown> = {}) {
  next++;
  return {
    reference: makeBookingReference(String(next)),
    pin: '1111',
    status: 'confirmed',
    checkIn: '2027-02-10',
    checkOut: '2027-02-13',
    propertyName: 'Alpenhof',
    propertyTimeZone: 'Europe/Berlin',
    guestName: 'Jonas Becker',
    phone: `+49151${String(next).slice(-8)}`,
    language: 'de',
    refundStatus: 'requested',
    ...extra,
  };
}

describe('booking updates through the import (dynalite)', () => {
  let h: IntakeHarness;
  let u: BookingUpdates;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    u = bookingUpdatesOver(h);
  });
  afterAll(() => h.db.stop());

  const sentTo = (to: string) => u.messenger.sent.filter((m) => m.to === to);

  it('sends one message for one change, however often the same file is imported', async () => {
    // Prepare
    const row = aRow();
    await u.importRows([row]);
    // Act
    await u.importRows([row]);
    await u.importRows([{ ...row, status: 'cancelled' }]);
    await u.importRows([{ ...row, status: 'cancelled' }]);
    // Assess
    const messages = sentTo(row.phone);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain(`Alpenhof hat Ihre Buchung ${row.reference} storniert.`);
    const outbox = await u.outbound.ledger.list(100);
    expect(outbox.filter((r) => r.to === row.phone)).toEqual([
      expect.objectContaining({ kind: 'notification', status: 'queued', channel: 'sms', caseNumber: '' }),
    ]);
  });

  it('tells a refund issued, once, in the guest’s language, on their open case', async () => {
    // Prepare: the guest wrote from the booking's phone on WhatsApp, so a case of theirs is open
    const row = aRow({ language: 'it', guestName: 'Giulia Rossi' });
    await u.importRows([row]);
    const contact = aContact({
      channel: 'whatsapp',
      from: row.phone,
      text: `Quando arriva il rimborso per la prenotazione ${row.reference}?`,
      receivedAt: NOW.toISOString(),
    });
    const opened = await intake(h.deps, contact);
    // Act
    await u.importRows([{ ...row, refundStatus: 'paid' }]);
    await u.importRows([{ ...row, refundStatus: 'paid' }]);
    // Assess: on the channel they last used, in Italian, with the date the money should arrive
    const messages = sentTo(row.phone);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'whatsapp',
      language: 'it',
      caseNumber: opened.record.caseNumber,
    });
    expect(messages[0]?.text).toContain('Il suo rimborso è stato emesso');
    expect(messages[0]?.text).toContain('7 dicembre 2026');
    const kase = await h.cases.getCase(opened.record.caseNumber);
    expect(kase?.timeline.filter((e) => e.type === 'notified')).toEqual([
      expect.objectContaining({ messageId: messages[0]?.id, channel: 'whatsapp', by: 'system' }),
    ]);
  });

  it('holds a change at the guest’s night and the sweep sends it in their morning, once', async () => {
    // Prepare: 23:30 in Tokyo, the stay months away
    h.clock.current = new Date('2026-11-23T14:30:00.000Z');
    const row = aRow({ guestTimeZone: 'Asia/Tokyo', language: 'zh', guestName: '王芳' });
    await u.importRows([row]);
    // Act
    await u.importRows([{ ...row, checkIn: '2027-02-11', checkOut: '2027-02-14' }]);
    const atNight = await sendDueNotices(u.deps, 100);
    const heldCount = sentTo(row.phone).length;
    h.clock.current = new Date('2026-11-23T23:00:00.000Z'); // 08:00 in Tokyo
    const inTheMorning = await sendDueNotices(u.deps, 100);
    const again = await sendDueNotices(u.deps, 100);
    // Assess
    expect(heldCount).toBe(0);
    expect(atNight.sent).toBe(0);
    expect(inTheMorning.sent).toBeGreaterThanOrEqual(1);
    expect(again.sent).toBe(0);
    const messages = sentTo(row.phone);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain('您的入住日期已变更');
    h.clock.current = NOW;
  });

  it('sends at night when the stay starts within a day', async () => {
    h.clock.current = new Date('2026-11-23T22:30:00.000Z'); // 23:30 in Berlin
    const row = aRow({ checkIn: '2026-11-24', checkOut: '2026-11-26' });
    await u.importRows([row]);
    await u.importRows([{ ...row, status: 'cancelled' }]);
    expect(sentTo(row.phone)).toHaveLength(1);
    h.clock.current = NOW;
  });

  it('keeps to an opt-out: the notice is recorded as suppressed, nothing is sent', async () => {
    const row = aRow();
    await u.importRows([row]);
    await u.outbound.guests.setOptOut(row.phone, 'sms', true, NOW.toISOString());
    await u.importRows([{ ...row, status: 'cancelled' }]);
    expect(sentTo(row.phone)).toHaveLength(0);
    const record = (await u.outbound.ledger.list(100)).find((r) => r.to === row.phone);
    expect(record).toMatchObject({ kind: 'notification', status: 'suppressed' });
  });

  it('never tells someone who merely wrote about the booking, nor puts it on their case', async () => {
    // Prepare: a stranger names the booking from another number (unverified)
    const row = aRow();
    await u.importRows([row]);
    const stranger = '+447700900555';
    const theirs = await intake(
      h.deps,
      aContact({ from: stranger, text: `Has booking ${row.reference} been refunded yet?` }),
    );
    // Act
    await u.importRows([{ ...row, refundStatus: 'paid' }]);
    // Assess
    expect(sentTo(stranger)).toHaveLength(0);
    expect(sentTo(row.phone)).toHaveLength(1);
    const kase = await h.cases.getCase(theirs.record.caseNumber);
    expect(kase?.ownerKey).toBe(stranger);
    expect(kase?.timeline.some((e) => e.type === 'notified')).toBe(false);
  });
});
