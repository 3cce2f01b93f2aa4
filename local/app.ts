import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_SCRYPT_COST, ScryptPinHasher } from '../functions/adapters/crypto/scrypt-pin-hasher';
import { BookingSearchItems } from '../functions/adapters/dynamodb/booking-search';
import { DynamoBookingStore } from '../functions/adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../functions/adapters/dynamodb/case-store';
import { createTables } from '../functions/adapters/dynamodb/create-tables';
import { IncidentItems } from '../functions/adapters/dynamodb/incident-items';
import { DynamoNoticeStore } from '../functions/adapters/dynamodb/notice-items';
import { SurveyItems } from '../functions/adapters/dynamodb/survey-items';
import { TableClient } from '../functions/adapters/dynamodb/table-client';
import { EMAIL_DEFAULTS } from '../functions/adapters/email/email-settings';
import { rollingHolidaySource } from '../functions/adapters/holidays/date-holidays-calendar';
import { DynamoContactCenter } from '../functions/adapters/local/dynamodb-contact-center';
import { OutboxMessenger } from '../functions/adapters/local/outbox-messenger';
import { emergencyNotice, TravelClassifier } from '../functions/domain/classify';
import type { Channel } from '../functions/domain/contact';
import type { EmailCaseStore } from '../functions/domain/email/email-ports';
import { ValidationError } from '../functions/domain/errors';
import type { ImportDeps } from '../functions/domain/import/import-bookings';
import { ActiveIncidents } from '../functions/domain/incidents/active-incidents';
import type { IntakeDeps } from '../functions/domain/intake/intake';
import {
  type NotifyDeps,
  type NotifyOutcome,
  notifyBookingChange,
} from '../functions/domain/notify/notify-booking';
import { messengerByChannel } from '../functions/domain/outbound/by-channel';
import type { Messenger } from '../functions/domain/outbound/messenger';
import type { BookingStore, Clock, PinHasher } from '../functions/domain/ports';
import { loadRoutingPolicy } from '../functions/domain/routing/load-policy';
import type { RoutingPolicy } from '../functions/domain/routing/policy-schema';
import { CachedQueueLoad } from '../functions/domain/routing/queue-load';
import type { SurveyStore } from '../functions/domain/survey/survey-ports';
import { repliesPerSenderPerHour } from '../functions/shared/messaging-settings';
import {
  automaticPerHour,
  lastWhatsAppInbound,
  type OutboundParts,
  outboundParts,
} from '../functions/shared/outbound';
import { positiveIntEnv } from '../functions/wiring/env-vars';
import { ShiftedClock } from './clock';
import type { LocalConfig } from './config';
import { type DynaliteServer, startDynaliteServer } from './dynalite-server';
import { localPinPepper } from './pin-pepper';
import { localTelegramMessenger } from './telegram';
import { localTwilioMessenger, localWhatsAppTemplates } from './twilio-messenger';

/** The local runtime's table names (benches audit a stopped runtime's data folder with them). */
export const LOCAL_TABLES = { main: 'contact-router', waitingLists: 'contact-router-queues' } as const;

/** Everything the local runtime's doors and API share. */
export interface LocalApp {
  readonly policy: RoutingPolicy;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly bookings: BookingStore;
  /** Cases, plus what the email and messaging doors keep beside them (claims, reply counters). */
  readonly cases: EmailCaseStore;
  readonly queues: DynamoContactCenter;
  /** Satisfaction surveys sent and awaited (functions/domain/survey). */
  readonly surveys: SurveyStore;
  readonly pinHasher: PinHasher;
  readonly intake: IntakeDeps;
  /** The outbound ledger, the guests' opt-outs and rates, and the one deliver step. */
  readonly outbound: OutboundParts;
  /**
   * The Messenger per channel deliver sends through: Twilio's Messages API for SMS and WhatsApp when
   * TWILIO_ACCOUNT_SID is set (local/twilio-messenger.ts), the Bot API for Telegram when
   * TELEGRAM_BOT_TOKEN is set (local/telegram.ts), else the outbox (records only), unless one is
   * injected; the email door puts its own in when it starts.
   */
  readonly messengers: Partial<Record<Channel, Messenger>>;
  /** Booking updates: what telling a guest of a change to their booking needs (functions/domain/notify). */
  readonly bookingUpdates: NotifyDeps;
  readonly dynamoEndpoint: string;
  /** The SDK client every store uses (benches count its requests). */
  readonly dynamoClient: DynamoDBClient;
  /** Incidents (docs/incidents.md): the store, the cached lookup the intake consults, the booking search. */
  readonly incidents: LocalIncidents;
}

/** The local runtime's incident parts. */
export interface LocalIncidents {
  readonly store: IncidentItems;
  readonly lookup: ActiveIncidents;
  readonly search: BookingSearchItems;
}

/**
 * Reads and validates the policy file and computes its holiday calendar for the rolling horizon from
 * `now` (the runtime's clock, so CONTACT_ROUTER_NOW in 2030 shows 2030's holidays); a broken file stops
 * start-up naming the bad field.
 */
export function readPolicyFile(path: string, now: Date): RoutingPolicy {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ValidationError(path, `cannot read the routing policy: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return loadRoutingPolicy(json, rollingHolidaySource(now));
}

/** Starts the embedded DynamoDB (on disk under dataDir, or in memory for "memory") and wires the app. */
export async function createLocalApp(config: LocalConfig): Promise<{ app: LocalApp; store: DynaliteServer }> {
  const clock = new ShiftedClock(config.startAt);
  const policy = readPolicyFile(config.policyFile, clock.now());
  const store = await startDynaliteServer(
    config.dataDir === 'memory' ? undefined : join(config.dataDir, 'dynamodb'),
  );
  const client = new DynamoDBClient({
    endpoint: store.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await createTables(client, LOCAL_TABLES);
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const bookings = new DynamoBookingStore(documentClient, LOCAL_TABLES.main);
  const cases = new DynamoCaseStore(documentClient, LOCAL_TABLES.main);
  const queues = new DynamoContactCenter(documentClient, LOCAL_TABLES.waitingLists, { policy, clock });
  const surveys = new SurveyItems(new TableClient(documentClient, LOCAL_TABLES.main));
  const incidentStore = new IncidentItems(new TableClient(documentClient, LOCAL_TABLES.main));
  const incidents: LocalIncidents = {
    store: incidentStore,
    lookup: new ActiveIncidents(incidentStore, clock),
    search: new BookingSearchItems(new TableClient(documentClient, LOCAL_TABLES.main)),
  };
  const pepper = localPinPepper(config.dataDir);
  const pinHasher = new ScryptPinHasher(DEFAULT_SCRYPT_COST, async () => pepper);
  const intake: IntakeDeps = {
    policy,
    classifier: new TravelClassifier(),
    emergencyNotice,
    bookings,
    cases,
    contactCenter: queues,
    pinHasher,
    clock,
    surveys,
    incidents: incidents.lookup,
    // Load shedding reads the waiting lists at most every few seconds (docs/load-shedding.md).
    queueLoad: new CachedQueueLoad(queues, clock),
  };
  // SMS and WhatsApp go through Twilio's Messages API when an account is configured, else to the outbox.
  const twilio = localTwilioMessenger();
  const outbox = new OutboxMessenger();
  // Telegram answers go through the Bot API when a bot token is configured, else to the outbox.
  const telegram = localTelegramMessenger();
  const messengers: LocalApp['messengers'] = {
    sms: twilio ?? outbox,
    whatsapp: twilio ?? outbox,
    telegram: telegram ?? outbox,
  };
  const messagingLimit = repliesPerSenderPerHour(process.env);
  const emailLimit = positiveIntEnv(
    'EMAIL_ACKS_PER_SENDER_PER_HOUR',
    EMAIL_DEFAULTS.perSenderPerHour,
    process.env,
  );
  const outbound = outboundParts(documentClient, LOCAL_TABLES.main, {
    messenger: messengerByChannel(messengers),
    cases,
    clock,
    perAddressPerHour: automaticPerHour({ messaging: messagingLimit, email: emailLimit }),
    whatsApp: { templates: localWhatsAppTemplates(), lastInboundAt: lastWhatsAppInbound(cases) },
  });
  const bookingUpdates: NotifyDeps = {
    bookings,
    cases,
    notices: new DynamoNoticeStore(new TableClient(documentClient, LOCAL_TABLES.main)),
    deliver: outbound.deliver,
    clock,
    policy: policy.notifications,
  };
  return {
    app: {
      policy,
      clock,
      dataDir: config.dataDir,
      bookings,
      cases,
      queues,
      surveys,
      pinHasher,
      intake,
      outbound,
      messengers,
      bookingUpdates,
      dynamoEndpoint: store.endpoint,
      dynamoClient: client,
      incidents,
    },
    store,
  };
}

/**
 * What an import (file, API, CLI) needs here: every booking it changes tells its guest (booking updates);
 * `seen` hears what became of each change.
 */
export function importDepsOf(app: LocalApp, seen?: (outcome: NotifyOutcome) => void): ImportDeps {
  return {
    bookings: app.bookings,
    pinHasher: app.pinHasher,
    now: app.clock.now(),
    notify: async (before, after) => {
      const outcome = await notifyBookingChange(app.bookingUpdates, before, after);
      seen?.(outcome);
    },
  };
}
