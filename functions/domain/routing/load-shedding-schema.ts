import { z } from 'zod';

const threshold = z
  .number({ error: 'expected a whole number of waiting cases' })
  .int({ error: 'expected a whole number of waiting cases' })
  .min(1, { error: 'expected at least 1 waiting case' })
  .max(100_000, { error: 'expected at most 100000 waiting cases' });

/**
 * Load shedding (docs/load-shedding.md): past a queue's threshold of waiting cases, non-urgent contacts
 * are told the honest expected time and answered by message (callers offered a callback at once).
 */
export const loadSheddingSchema = z
  .strictObject({
    waitingCases: threshold
      .optional()
      .describe(
        'Default threshold for every queue: with more waiting cases than this, non-urgent contacts are shed. Absent: only the queues listed shed.',
      ),
    minutesPerCase: z
      .number({ error: 'expected a number of minutes' })
      .positive({ error: 'expected more than 0 minutes' })
      .max(1440, { error: 'expected at most 1440 minutes' })
      .default(5)
      .describe(
        'How long the team takes, on average, to clear one waiting case: a shed contact is told waiting cases × this (or the target, when later).',
      ),
    queues: z
      .record(
        z.string(),
        z.strictObject({
          waitingCases: threshold.describe('This queue’s threshold, replacing the default.'),
        }),
      )
      .default({})
      .describe('Per queue id: a threshold that replaces the default.'),
  })
  .default({ minutesPerCase: 5, queues: {} })
  .describe(
    'Load shedding: when a queue has too many waiting cases, non-urgent contacts are answered by message.',
  );

/** Load shedding as validated. */
export type LoadSheddingPolicy = z.output<typeof loadSheddingSchema>;

/** Per-queue thresholds may only name queues of the policy. */
export function checkLoadSheddingQueues(
  policy: { readonly queues: object; readonly loadShedding: { readonly queues: object } },
  ctx: z.RefinementCtx,
): void {
  for (const id of Object.keys(policy.loadShedding.queues))
    if (!Object.hasOwn(policy.queues, id))
      ctx.addIssue({
        code: 'custom',
        path: ['loadShedding', 'queues', id],
        message: `unknown queue "${id}"`,
      });
}
