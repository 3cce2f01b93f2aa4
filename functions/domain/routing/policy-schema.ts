import { z } from 'zod';
import { LOYALTY_TIERS } from '../booking';
import {
  casesPolicySchema,
  checkServiceLevelQueues,
  escalationSchema,
  serviceLevelsSchema,
} from '../cases/case-policy-schema';
import { TOPICS } from '../classification';
import { LANGUAGES } from '../languages';
import { notificationsPolicySchema } from '../notify/notify-policy-schema';
import type { HolidayCalendar } from './holiday-calendar';
import { checkLoadSheddingQueues, loadSheddingSchema } from './load-shedding-schema';
import { checkPolicy } from './policy-checks';

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_OR_24 = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

const clockTime = z.string().regex(HH_MM, { error: 'expected HH:MM' });
const points = z.number().int().min(0).max(100);
const minutes = z.number().int().positive();
const isoDate = z.string().regex(ISO_DATE, { error: 'expected YYYY-MM-DD' });

/** One opening range in local time; a close at or before the open runs past midnight into the next day. */
export const timeRangeSchema = z
  .strictObject({
    open: clockTime.describe('Local opening time, HH:MM.'),
    close: z
      .string()
      .regex(HH_MM_OR_24, { error: 'expected HH:MM (or 24:00)' })
      .describe(
        'Local closing time, HH:MM; "24:00" is midnight at the end of the day; earlier than open runs past midnight.',
      ),
  })
  .describe('An opening range.');

const ranges = z.array(timeRangeSchema);

/** Opening ranges per weekday; a missing or empty day is closed. */
export const weekScheduleSchema = z.strictObject({
  mon: ranges.optional(),
  tue: ranges.optional(),
  wed: ranges.optional(),
  thu: ranges.optional(),
  fri: ranges.optional(),
  sat: ranges.optional(),
  sun: ranges.optional(),
});

/** The kinds of holiday the calendar library (date-holidays) tells apart. */
export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;

/** Where a team's days off come from: a country's (or region's) public calendar plus hand-listed closures. */
export const holidaysSchema = z
  .strictObject({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 country code such as "FR"' })
      .optional()
      .describe('ISO 3166-1 alpha-2 code of the country whose holidays close the team, e.g. "FR".'),
    region: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/, { error: 'expected the subdivision part of an ISO 3166-2 code such as "BY"' })
      .optional()
      .describe('Subdivision of the country (the part after the dash of ISO 3166-2: "BY" for DE-BY).'),
    closedOn: z
      .array(z.enum(HOLIDAY_TYPES))
      .min(1)
      .default(['public'])
      .describe('Which kinds of holiday close the team (date-holidays types); default public holidays only.'),
    except: z
      .array(z.string().min(1))
      .default([])
      .describe('Holiday names (as the calendar gives them) the team works on anyway.'),
    closures: z
      .record(isoDate, z.string().min(1))
      .default({})
      .describe('Hand-listed local dates the team is closed all day, with the reason.'),
  })
  .describe('Days the team is closed all day: computed from a country calendar, plus hand-listed closures.');

/** Response targets in minutes per priority ("1".."5"). */
const responseTargets = z.strictObject({ 1: minutes, 2: minutes, 3: minutes, 4: minutes, 5: minutes });

/** A team's queue: who it serves, where it sits and when it is open. */
export const queueSchema = z.strictObject({
  displayName: z.string().min(1),
  language: z.enum(LANGUAGES).describe('The language the team works in.'),
  timeZone: z.string().min(1).describe('IANA time zone the hours are in, e.g. "Europe/Paris".'),
  alwaysOpen: z.boolean().default(false).describe('Open every minute of every day; hours are then ignored.'),
  hours: weekScheduleSchema.default({}),
  holidays: holidaysSchema.default({ closedOn: ['public'], except: [], closures: {} }),
  specialHours: z
    .record(isoDate, z.strictObject({ name: z.string().min(1), ranges }))
    .default({})
    .describe('Local dates whose opening replaces the weekly schedule for the whole day.'),
  firstResponseMinutes: responseTargets
    .partial()
    .optional()
    .describe('Targets for this queue that override the policy-wide ones.'),
  holdWhenOpensWithinHours: z
    .number({ error: 'expected a number of hours' })
    .positive({ error: 'expected more than 0 hours' })
    .max(72, { error: 'expected at most 72 hours' })
    .optional()
    .describe(
      'When the team is closed but opens within this many hours, a written non-urgent contact waits for it instead of going to the fallback queue; urgent contacts and calls always fall back.',
    ),
});

const travelWindowSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('in_stay'), points }),
  z.strictObject({ kind: z.literal('check_in_within'), hours: z.number().positive(), points }),
]);

const queueId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a kebab-case queue id' });

const objectSchema = z.strictObject({
  $schema: z.string().optional(),
  defaultLanguage: z.enum(LANGUAGES).describe('Language assumed when a contact’s language is not served.'),
  languages: z.record(z.enum(LANGUAGES), queueId).describe('Every served language → the queue of its team.'),
  queues: z.record(queueId, queueSchema),
  fallbackQueue: queueId.describe('The 24/7 queue that takes contacts when a team is closed or unstaffed.'),
  stay: z
    .strictObject({ checkInTime: clockTime.default('15:00'), checkOutTime: clockTime.default('11:00') })
    .default({ checkInTime: '15:00', checkOutTime: '11:00' })
    .describe('Local times at the property that stand for check-in and check-out.'),
  tiers: z.record(z.enum(LOYALTY_TIERS), z.strictObject({ points })),
  travelWindows: z
    .array(travelWindowSchema)
    .describe('A booking earns the points of the best window it is in.'),
  topics: z.record(
    z.enum(TOPICS),
    z.strictObject({ critical: z.enum(['always', 'when_urgent']).optional(), points: points.default(0) }),
  ),
  urgency: z.strictObject({
    bonusPoints: points.describe('Added when a contact is urgent but not critical.'),
    arrivalWithinHours: z.number().min(0).describe('A check-in this close makes a contact urgent.'),
  }),
  priorityThresholds: z
    .array(z.strictObject({ priority: z.number().int().min(2).max(5), minPoints: points }))
    .min(1)
    .describe(
      'Points → priority, best first; the last needs minPoints 0. Priority 1 is for critical contacts.',
    ),
  firstResponseMinutes: responseTargets.describe('Expected first response per priority.'),
  cases: casesPolicySchema,
  notifications: notificationsPolicySchema,
  serviceLevels: serviceLevelsSchema,
  escalation: escalationSchema,
  incidents: z
    .strictObject({
      notificationsPerMinute: z
        .number()
        .int()
        .min(1)
        .max(10_000)
        .describe('Proactive incident notices sent per minute, so telling guests does not flood the lines.'),
    })
    .default({ notificationsPerMinute: 60 })
    .describe('Incidents (docs/incidents.md): how fast affected guests are told.'),
  loadShedding: loadSheddingSchema,
});

/** The policy's shape before the cross-field rules run. */
export type PolicyShape = z.output<typeof objectSchema>;

/** The routing policy schema, with every cross-field rule. */
export const routingPolicySchema = objectSchema
  .superRefine(checkPolicy)
  .superRefine(checkServiceLevelQueues)
  .superRefine(checkLoadSheddingQueues);

/** The routing policy of a platform, as validated, with the holiday calendar computed from it. */
export type RoutingPolicy = PolicyShape & { readonly calendar: HolidayCalendar };
/** A queue of the routing policy. */
export type QueuePolicy = z.output<typeof queueSchema>;
/** The policy as written in the JSON file (defaults not yet filled in). */
export type RoutingPolicyInput = z.input<typeof objectSchema>;
