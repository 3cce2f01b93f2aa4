// The booking-updates Lambda with stream records as DynamoDB Streams sends them (test/fixtures/events/
// dynamodb, PROVENANCE.md; a third-party sample read in place), over dynalite through the real wiring
// (functions/wiring/booking-updates.ts). dynalite has no streams: the records are handed to the handler.
import { readFileSync } from 'node:fs';
import { ConnectClient } from '@aws-sdk/client-connect';
import { SESClient } from '@aws-sdk/client-ses';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoBookingStore } from '../../functions/adapters/dynamodb/booking-store';
import { importBookings } from '../../functions/domain/import/import-bookings';
import { parseImport } from '../../functions/domain/import/parse-import';
import { SEND_DUE_NOTICES_TASK } from '../../functions/domain/notify/notify-booking';
import { messengerByChannel } from '../../functions/domain/outbound/by-channel';
import { bookingUpdatesHandler } from '../../functions/handlers/booking-updates';
import { awsSecret } from '../../functions/shared/aws-secrets';
import { bookingUpdatesDeps, wireBookingUpdates } from '../../functions/wiring/booking-updates';
import {
  BOOKING_UPDATES_DEFAULTS,
  bookingUpdatesEnvironment,
} from '../../functions/wiring/booking-updates-env';
import { healthySending, MESSENGERS, SENDING } from '../support/aws-messengers';
import { KeepingMessenger } from '../support/booking-updates';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { TestClock } from '../support/intake-harness';
import { lambdaEnv } from '../support/lambda-env';
import { createdMessage, startTwilioApiStandIn } from '../support/twilio-api-stand-in';

const REFUND_PAID = new URL('../fixtures/events/dynamodb/booking-refund-paid.json', import.meta.url);
const THIRD_PARTY = `${process.env.FIXTURES_DIR ?? '../shared/fixtures'}/events/powertools-py-dynamoStreamEvent.json`;
const readEvent = (path: string | URL) => JSON.parse(readFileSync(path, 'utf8')) as DynamoDBStreamEvent;

// Monday 23 Nov 2026, 11:00 in Lisbon.
const NOW = new Date('2026-11-23T11:00:00.000Z');
const GUEST = '+351912345670';

let db: Dynalite;
let messenger: KeepingMessenger;
let clock: TestClock;

function handler() {
  const settings = { tableName: db.tables.main, ...BOOKING_UPDATES_DEFAULTS };
  const run = bookingUpdatesHandler(() =>
    bookingUpdatesDeps(settings, db.documentClient, messengerByChannel({ sms: messenger }), clock),
  );
  return (event: unknown) => run(event as DynamoDBStreamEvent, {} as Context);
}

beforeEach(async () => {
  db = await startDynalite();
  messenger = new KeepingMessenger();
  clock = new TestClock(NOW);
  // The guest's booking and customer record, as the import wrote them before the change.
  const pinHasher = { hash: async () => 'scrypt$1024$8$1$c2FsdA$aGFzaA', verify: async () => false };
  const row = {
    reference: '5000000017',
    pin: '1111',
    status: 'confirmed',
    checkIn: '2027-02-10',
    checkOut: '2027-02-13',
    propertyName: 'Pousada do Mar',
    propertyTimeZone: 'Europe/Lisbon',
    guestName: 'Inês Costa',
    phone: GUEST,
    language: 'pt',
    refundStatus: 'requested',
  };
  const bookings = new DynamoBookingStore(db.documentClient, db.tables.main);
  await importBookings({ bookings, pinHasher, now: NOW }, await parseImport(JSON.stringify([row])));
});
afterEach(async () => db.stop());

describe('booking-updates Lambda', () => {
  it('tells the guest of a refund paid, once, however often the stream delivers the record', async () => {
    // Prepare
    const event = readEvent(REFUND_PAID);
    const run = handler();
    // Act
    const first = await run(structuredClone(event));
    const again = await run(structuredClone(event));
    // Assess
    expect(first).toEqual({ batchItemFailures: [] });
    expect(again).toEqual({ batchItemFailures: [] });
    expect(messenger.sent).toHaveLength(1);
    expect(messenger.sent[0]).toMatchObject({
      kind: 'notification',
      channel: 'sms',
      to: GUEST,
      language: 'pt',
    });
    expect(messenger.sent[0]?.text).toContain('O seu reembolso foi emitido');
  });

  it('texts the guest through Twilio as deployed: the messengers the stack writes into its environment', async () => {
    // Prepare
    const twilio = await startTwilioApiStandIn();
    healthySending();
    twilio.answer(createdMessage('SM00000000000000000000000000000e01', GUEST, SENDING.smsFrom));
    const env = {
      ...lambdaEnv(db),
      ...bookingUpdatesEnvironment({
        tableName: db.tables.main,
        ...BOOKING_UPDATES_DEFAULTS,
        messengers: MESSENGERS,
      }),
      TWILIO_API_BASE: twilio.url,
    };
    const clients = {
      dynamo: db.documentClient,
      connect: new ConnectClient({ region: 'eu-west-1' }),
      ses: new SESClient({ region: 'eu-west-1' }),
      secret: awsSecret,
    };
    const run = bookingUpdatesHandler(() => wireBookingUpdates(env, clients, clock));
    // Act
    const result = await run(readEvent(REFUND_PAID), {} as Context);
    await twilio.close();
    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(twilio.received).toHaveLength(1);
    const sms = Object.fromEntries(twilio.received[0]?.form ?? []);
    expect(sms).toMatchObject({ To: GUEST, From: SENDING.smsFrom });
    expect(sms.Body).toContain('O seu reembolso foi emitido');
  });

  it('passes over records of other items and other tables', async () => {
    const result = await handler()(readEvent(THIRD_PARTY));
    expect(result).toEqual({ batchItemFailures: [] });
    expect(messenger.sent).toHaveLength(0);
  });

  it('reports the first broken record and processes nothing after it', async () => {
    // Prepare: a good record, one whose new image lost its status, then a good one again
    const good = readEvent(REFUND_PAID).Records[0];
    const broken = structuredClone(good);
    const later = structuredClone(good);
    if (!good?.dynamodb || !broken?.dynamodb?.NewImage || !later?.dynamodb?.NewImage)
      throw new Error('fixture');
    delete broken.dynamodb.NewImage.status;
    broken.dynamodb.SequenceNumber = '4421584500000000017450439092';
    later.dynamodb.NewImage.status = { S: 'cancelled' };
    later.dynamodb.SequenceNumber = '4421584500000000017450439093';
    // Act
    const result = await handler()({ Records: [good, broken, later] });
    // Assess: Lambda retries from the broken record, so the later change is not lost
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '4421584500000000017450439092' }] });
    expect(messenger.sent).toHaveLength(1);
  });

  it('holds a change at night and sends it on the scheduled run in the morning', async () => {
    // Prepare: 23:00 in Lisbon
    clock.current = new Date('2026-11-23T23:00:00.000Z');
    const run = handler();
    await run(readEvent(REFUND_PAID));
    const atNight = messenger.sent.length;
    // Act
    clock.current = new Date('2026-11-24T08:00:00.000Z');
    const morning = await run({ task: SEND_DUE_NOTICES_TASK });
    // Assess
    expect(atNight).toBe(0);
    expect(morning).toEqual({ sent: 1, pending: 0 });
    expect(messenger.sent).toHaveLength(1);
  });
});
