import { z } from 'zod';
import { DEFAULT_NOTIFICATIONS } from './notify-policy';

const hour = z
  .number()
  .int({ error: 'expected a whole hour, 0 to 23' })
  .min(0, { error: 'expected an hour from 0 to 23' })
  .max(23, { error: 'expected an hour from 0 to 23' });

/**
 * The policy's `notifications` block: when booking updates may start in the guest's time zone, what
 * cannot wait for the morning, and the refund date a guest is promised. Validated where
 * the policy is loaded; the Lambdas read it trusted (functions/shared/trusted-config.ts), without zod.
 */
export const notificationsPolicySchema = z
  .strictObject({
    quietHours: z
      .strictObject({
        from: hour.describe(
          'Local hour (0–23) the guest’s night starts: no booking update starts from then.',
        ),
        until: hour.describe('Local hour (0–23) the night ends: held updates go out at this hour.'),
      })
      .refine((q) => q.from !== q.until, {
        error: 'from and until are the same hour: a night needs a start and a different end',
        path: ['until'],
      })
      .default(DEFAULT_NOTIFICATIONS.quietHours)
      .describe('The guest’s night, in their time zone (else the property’s); from may be after until.'),
    urgentWithinHours: z
      .number()
      .int()
      .min(0)
      .max(168)
      .default(DEFAULT_NOTIFICATIONS.urgentWithinHours)
      .describe('A stay starting sooner than this is told at once, even at night (0: always wait).'),
    refundArrivalDays: z
      .number()
      .int()
      .min(1)
      .max(90)
      .default(DEFAULT_NOTIFICATIONS.refundArrivalDays)
      .describe('Calendar days after a refund is issued by which the guest is told it should arrive.'),
  })
  .default(DEFAULT_NOTIFICATIONS)
  .describe('Proactive booking updates (README "Proactive booking updates"): quiet hours and promises.');
