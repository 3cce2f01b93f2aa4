import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoBookingStore } from '../../functions/adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { DynamoErasureStore } from '../../functions/adapters/dynamodb/erasure-store';
import { DynamoGuestAllowance } from '../../functions/adapters/dynamodb/outbound-guests';
import { DynamoOutboundLedger } from '../../functions/adapters/dynamodb/outbound-ledger';
import { SurveyItems } from '../../functions/adapters/dynamodb/survey-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import type { Customer } from '../../functions/domain/customer';
import { type EraseGuestDeps, eraseGuest } from '../../functions/domain/privacy/erase-guest';
import type { ErasureLogEntry } from '../../functions/domain/privacy/erasure-ports';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { aBooking, aCase, aContact, aCustomer, unique } from './builders';

const AT = new Date('2025-06-10T09:00:00.000Z');

describe('erasure on DynamoDB (dynalite)', () => {
  let db: Dynalite;
  let bookings: DynamoBookingStore;
  let cases: DynamoCaseStore;
  let guests: DynamoGuestAllowance;
  let ledger: DynamoOutboundLedger;
  const withdrawn: string[] = [];
  const sentErased: string[] = [];
  const audit: ErasureLogEntry[] = [];
  let deps: EraseGuestDeps;

  const scanAll = async () => {
    const out = await db.documentClient.send(new ScanCommand({ TableName: db.tables.main }));
    return JSON.stringify(out.Items ?? []);
  };

  beforeAll(async () => {
    db = await startDynalite();
    bookings = new DynamoBookingStore(db.documentClient, db.tables.main);
    cases = new DynamoCaseStore(db.documentClient, db.tables.main);
    guests = new DynamoGuestAllowance(db.documentClient, db.tables.main);
    ledger = new DynamoOutboundLedger(db.documentClient, db.tables.main, guests);
    deps = {
      store: new DynamoErasureStore(db.documentClient, db.tables.main),
      rawMail: {
        eraseReceived: async () => true,
        eraseSent: async (ids) => sentErased.push(...ids),
      },
      center: { withdraw: async (caseNumber) => void withdrawn.push(caseNumber) },
      clock: { now: () => AT },
      newErasureId: () => unique('ER-'),
      audit: (entry) => void audit.push(entry),
    };
  });
  afterAll(() => db.stop());

  /** A guest with a customer record, a booking, a settled case and the case that links it, via the stores. */
  async function aGuestOnRecord(name: string, phone: string, email: string, reference: string) {
    const customer: Customer = aCustomer({
      name,
      phones: [phone],
      emails: [email],
      bookingRefs: [reference],
    });
    await bookings.putCustomer(customer);
    await bookings.putBooking(
      aBooking({ reference, guestName: name, phone, email, customerId: customer.id }),
    );
    const settled = aCase({
      ownerKey: customer.id,
      bookingRef: reference,
      status: 'resolved',
      contactCount: 2,
    });
    const current = aCase({ ownerKey: customer.id, bookingRef: reference, linkedCase: settled.caseNumber });
    const texts = [`${name} lost the key`, `${name} again`, `${name} writes from ${email}`];
    for (const kase of [settled, current]) await cases.createCase(kase, `origin-${kase.caseNumber}`);
    await cases.claimOpenCase(customer.id, reference, settled.caseNumber);
    await cases.claimOpenCase(customer.id, reference, current.caseNumber, settled.caseNumber);
    // Before the customer was known, an earlier case of the bare phone number.
    const early = aCase({ ownerKey: phone });
    await cases.createCase(early, `origin-${early.caseNumber}`);
    await cases.claimOpenCase(phone, undefined, early.caseNumber);
    const contacts = [
      aContact({ caseNumber: settled.caseNumber, from: phone, text: texts[0], customerName: name }),
      aContact({ caseNumber: settled.caseNumber, from: phone, text: texts[1], customerId: customer.id }),
      aContact({
        caseNumber: current.caseNumber,
        channel: 'email',
        from: email,
        text: texts[2],
        subject: `Key for ${name}`,
        attachments: ['s3://raw/inbound/abc'],
        reply: {
          channel: 'email',
          to: email,
          language: 'en',
          text: `Dear ${name}`,
          disclosedBooking: false,
          messageId: `${current.caseNumber}:ack`,
        },
      }),
      aContact({ caseNumber: early.caseNumber, from: phone, text: `${name} first message` }),
    ];
    for (const contact of contacts) await cases.putContactOnce(contact);
    await cases.appendToCase(
      current.caseNumber,
      { type: 'note', at: AT.toISOString(), note: `${name} is upset` },
      {},
    );
    await sendOutbound(current.caseNumber, email, name);
    // The survey bookkeeping a resolution leaves: the owner's cool-down and the answer awaited by SMS.
    const surveys = new SurveyItems(new TableClient(db.documentClient, db.tables.main));
    await surveys.claimSurvey(customer.id, `${settled.caseNumber}:survey`, AT, new Date(0));
    await surveys.awaitAnswer({
      channel: 'sms',
      address: phone,
      caseNumber: settled.caseNumber,
      surveyId: `${settled.caseNumber}:survey`,
      expiresAt: '2025-06-17T09:00:00.000Z',
    });
    return { customer, caseNumbers: [settled.caseNumber, current.caseNumber, early.caseNumber] };
  }

  /** What the outbound path leaves for an email acknowledgement: ledger record, rate, one-per, opt-out. */
  async function sendOutbound(caseNumber: string, email: string, name: string) {
    const id = `${caseNumber}:ack`;
    const onePer = `ack:${caseNumber}:${email}`;
    const createdAt = AT.toISOString();
    await ledger.claim({
      id,
      kind: 'acknowledgement',
      caseNumber,
      channel: 'email',
      to: email,
      language: 'en',
      text: `Dear ${name}, we have your message`,
      subject: `Re: Key for ${name}`,
      automatic: true,
      onePer,
      createdAt,
      status: 'pending',
      updatedAt: createdAt,
    });
    await guests.count(email, id, { start: '2025-06-10T09', expiresAt: '2025-06-10T10:00:00.000Z' }, 5);
    await guests.claimOnePer(onePer, id);
    await ledger.settle(
      id,
      { status: 'sent', providerMessageId: `<${caseNumber}@ses>`, sentAt: createdAt },
      createdAt,
    );
    await guests.setOptOut(email, 'email', true, createdAt);
  }

  it('leaves no item holding the guest’s phone, email, name or words, and keeps the cases and counts', async () => {
    // Prepare
    const ana = await aGuestOnRecord('Ana Quintela', '+351911000111', 'ana.q@example.pt', '1000000024');
    const bob = await aGuestOnRecord('Bob Marley', '+447700900777', 'bob.m@example.co.uk', '1000000032');
    const casesBefore = (await cases.listCases(1000)).length;
    // Act
    const result = await eraseGuest(deps, { kind: 'phone', value: '+351911000111' });
    // Assess
    expect(result.erased).toEqual({
      customers: 1,
      cases: 3,
      contacts: 4,
      rawMails: 1,
      outbox: 1,
      bookings: 1,
      notices: 0,
      incidents: 0,
    });
    expect(sentErased).toContain(`<${ana.caseNumbers[1]}@ses>`);
    const table = await scanAll();
    for (const trace of ['+351911000111', 'ana.q@example.pt', 'Ana Quintela', '1000000024', ana.customer.id])
      expect(table.includes(trace), trace).toBe(false);
    for (const trace of ['+447700900777', 'bob.m@example.co.uk', 'Bob Marley', '1000000032'])
      expect(table).toContain(trace);
    expect((await cases.listCases(1000)).length).toBe(casesBefore);
    const [settled, current] = await Promise.all(ana.caseNumbers.map((n) => cases.getCase(n)));
    expect(settled).toMatchObject({
      status: 'resolved',
      contactCount: 2,
      topic: 'change_booking',
      queue: 'en-team',
    });
    expect(current).toMatchObject({ status: 'closed', closedAt: AT.toISOString() });
    expect((await cases.listContactsOfCase(ana.caseNumbers[0] ?? '')).length).toBe(2);
    expect(withdrawn).toEqual(expect.arrayContaining(ana.caseNumbers));
    // The ledger record stays for the delivery figures, without the address or the words.
    expect(await ledger.get(`${ana.caseNumbers[1]}:ack`)).toMatchObject({
      kind: 'acknowledgement',
      channel: 'email',
      status: 'sent',
      to: '[erased]',
      text: '',
    });
    expect(JSON.stringify(audit)).not.toMatch(/Ana|351911000111/);
    expect(await cases.getCase(bob.caseNumbers[1] ?? '')).toMatchObject({ ownerKey: bob.customer.id });
  });

  it('answers zeros when the guest is asked for again, by either address', async () => {
    // Prepare
    await aGuestOnRecord('Chen Wei', '+8613800138000', 'chen.w@example.cn', '1000000040');
    await eraseGuest(deps, { kind: 'email', value: 'chen.w@example.cn' });
    // Act
    const again = await eraseGuest(deps, { kind: 'phone', value: '+8613800138000' });
    // Assess
    expect(again.erased).toEqual({
      customers: 0,
      cases: 0,
      contacts: 0,
      rawMails: 0,
      outbox: 0,
      bookings: 0,
      notices: 0,
      incidents: 0,
    });
  });

  it('erases a sender the platform never imported, by the cases of their address', async () => {
    // Prepare
    const kase = aCase({ ownerKey: 'stranger@example.org' });
    await cases.createCase(kase, `origin-${kase.caseNumber}`);
    await cases.claimOpenCase('stranger@example.org', undefined, kase.caseNumber);
    await cases.putContactOnce(
      aContact({ caseNumber: kase.caseNumber, from: 'stranger@example.org', text: 'Hi, Zed here' }),
    );
    // Act
    const result = await eraseGuest(deps, { kind: 'email', value: 'stranger@example.org' });
    // Assess
    expect(result.erased).toMatchObject({ customers: 0, cases: 1, contacts: 1 });
    const table = await scanAll();
    expect(table).not.toContain('stranger@example.org');
    expect(table).not.toContain('Zed here');
  });
});
