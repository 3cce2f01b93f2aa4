import type { PhoneLines } from '../domain/ivr/phone-lines';
import { DEFAULT_NOTIFICATIONS, type NotificationsPolicy } from '../domain/notify/notify-policy';
import type { HolidayCalendar } from '../domain/routing/holiday-calendar';
import type { RoutingPolicy } from '../domain/routing/policy-schema';

// The Lambdas read configuration files bundled with them and already validated where they were built:
// the CDK app refuses to synthesize unless each file below gives exactly what the zod schemas give
// (infra/constructs/bundled-config-check.ts, tested in test/unit/shared/trusted-config.test.ts). These
// readers only fill in the schemas' defaults, so no Lambda bundle carries zod for them.

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});

function mapValues(record: unknown, fill: (value: Json) => Json): Json {
  return Object.fromEntries(Object.entries(obj(record)).map(([k, v]) => [k, fill(obj(v))]));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The bundled routing policy without validation, with the holiday calendar the CDK app computed from
 * it: defaults filled in as loadRoutingPolicy fills them, deeply frozen like its result. Only for files
 * the CDK app has validated.
 */
export function trustedRoutingPolicy(json: unknown, calendar: HolidayCalendar): RoutingPolicy {
  const p = structuredClone(obj(json));
  const stay = obj(p.stay);
  const shedding = obj(p.loadShedding);
  return deepFreeze({
    ...p,
    queues: mapValues(p.queues, (q) => ({
      alwaysOpen: false,
      hours: {},
      specialHours: {},
      ...q,
      holidays: { closedOn: ['public'], except: [], closures: {}, ...obj(q.holidays) },
    })),
    stay: { checkInTime: '15:00', checkOutTime: '11:00', ...stay },
    topics: mapValues(p.topics, (t) => ({ points: 0, ...t })),
    loadShedding: { minutesPerCase: 5, ...shedding, queues: { ...obj(shedding.queues) } },
    calendar: structuredClone(calendar),
  }) as unknown as RoutingPolicy;
}

/**
 * The bundled policy's `notifications` block without validation (the booking-updates Lambda needs no
 * more of the policy), its defaults filled in as notificationsPolicySchema fills them.
 */
export function trustedNotificationsPolicy(json: unknown): NotificationsPolicy {
  const n = obj(obj(json).notifications);
  return deepFreeze({
    ...DEFAULT_NOTIFICATIONS,
    ...structuredClone(n),
    quietHours: { ...DEFAULT_NOTIFICATIONS.quietHours, ...obj(n.quietHours) },
  }) as NotificationsPolicy;
}

/** The bundled phone lines without validation, defaults filled in as loadPhoneLines fills them. */
export function trustedPhoneLines(json: unknown): PhoneLines {
  const l = structuredClone(obj(json));
  return {
    callbackOfferAfterSeconds: 120,
    ...l,
    lines: mapValues(l.lines, (line) => ({ kind: 'country', ...line })),
  } as unknown as PhoneLines;
}
