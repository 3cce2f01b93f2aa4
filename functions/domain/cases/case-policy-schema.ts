import { z } from 'zod';

const days = z.number().positive();
const clock = z
  .enum(['opening_hours', 'around_the_clock'])
  .default('opening_hours')
  .describe('Count the target in the queue’s opening hours (holidays excluded) or around the clock.');

const firstResponse = z
  .strictObject({ clock })
  .default({ clock: 'opening_hours' })
  .describe('The minutes are the policy’s firstResponseMinutes (or the queue’s override).');

const resolution = z.strictObject({
  minutes: z.number().int().positive().describe('Time to resolve the case.'),
  clock,
});

/** Service-level targets of one priority. */
export const serviceTargetSchema = z.strictObject({ firstResponse, resolution });

const byPriority = z.strictObject({
  1: serviceTargetSchema,
  2: serviceTargetSchema,
  3: serviceTargetSchema,
  4: serviceTargetSchema,
  5: serviceTargetSchema,
});

const target = (minutes: number, clockName: 'opening_hours' | 'around_the_clock') => ({
  firstResponse: { clock: clockName },
  resolution: { minutes, clock: clockName },
});

/** When cases reopen, close and are deleted. */
export const casesPolicySchema = z
  .strictObject({
    reopenWithinDays: days.describe(
      'A contact this soon after resolution reopens the case; later, a new case.',
    ),
    closeAfterDays: days.describe('A resolved case closes after this long; a closed case never reopens.'),
    retentionDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .default(365)
      .describe(
        'A closed case and its contacts are deleted this many days after closing (DynamoDB TTL); erasure requests do not wait for it.',
      ),
    surveyCooldownDays: z
      .number()
      .nonnegative()
      .default(30)
      .describe(
        'A guest asked for their satisfaction is not asked again for this many days, whatever the case (0: after every resolution).',
      ),
  })
  .refine((c) => c.reopenWithinDays <= c.closeAfterDays, {
    error: 'reopenWithinDays cannot exceed closeAfterDays (a closed case never reopens)',
    path: ['reopenWithinDays'],
  })
  .default({ reopenWithinDays: 7, closeAfterDays: 14, retentionDays: 365, surveyCooldownDays: 30 })
  .describe('Reopening, closing and retention of resolved cases, and how often a guest is surveyed.');

/** First-response and resolution targets per priority, with per-queue overrides. */
export const serviceLevelsSchema = z
  .strictObject({
    priorities: byPriority,
    queues: z
      .record(z.string(), byPriority.partial())
      .default({})
      .describe('Per queue id: targets that replace the policy-wide ones for those priorities.'),
  })
  .default({
    priorities: {
      1: target(240, 'around_the_clock'),
      2: target(480, 'opening_hours'),
      3: target(1440, 'opening_hours'),
      4: target(2880, 'opening_hours'),
      5: target(4320, 'opening_hours'),
    },
    queues: {},
  })
  .describe('Service levels: when a case is due, per priority (1 = most urgent).');

/** How waiting cases past their due time rise. */
export const escalationSchema = z
  .strictObject({
    everyMinutes: z
      .number()
      .int()
      .positive()
      .describe('A waiting case past its due time rises one priority step per this many minutes.'),
  })
  .default({ everyMinutes: 30 })
  .describe('Escalation of waiting cases past their due time.');

/** The service-level targets of one priority, as validated. */
export type ServiceTarget = z.output<typeof serviceTargetSchema>;
/** Whether a target counts opening hours or every minute. */
export type TargetClock = ServiceTarget['resolution']['clock'];

/** Service-level overrides may only name queues of the policy. */
export function checkServiceLevelQueues(
  policy: { readonly queues: object; readonly serviceLevels: { readonly queues: object } },
  ctx: z.RefinementCtx,
): void {
  for (const id of Object.keys(policy.serviceLevels.queues))
    if (!Object.hasOwn(policy.queues, id))
      ctx.addIssue({
        code: 'custom',
        path: ['serviceLevels', 'queues', id],
        message: `unknown queue "${id}"`,
      });
}
