import { DependencyError } from '../errors';
import type { Deliver } from '../outbound/deliver';
import type { DeliveryStatus } from '../outbound/messenger';
import type { ReplyPlan } from '../outbound/reply-plan';
import { emailAcknowledgement } from './compose-ack';
import type { InboundMail } from './inbound-mail';
import { isUnanswerable, type OwnAddresses } from './loop-guard';

/** The settings of safe acknowledgements. */
export interface AckSettings {
  /** The address acknowledgements come from, e.g. "support@example.com". */
  readonly ourAddress: string;
  readonly own: OwnAddresses;
  /** Automatic emails one address may get per hour, whatever the case (deliver's rate limit). */
  readonly perSenderPerHour: number;
  /**
   * Whether a From address counts as the sender only with a DMARC pass (the default). Only the local
   * SMTP door, which has no SPF/DKIM/DMARC, turns it off; anyone can write any From.
   */
  readonly requireDmarcPass?: boolean | undefined;
  /**
   * After how long a Message-ID claim whose copy never stored its contact counts as abandoned and is
   * taken over (default 2 minutes: longer than the email Lambda's 60 s timeout).
   */
  readonly claimStaleAfterMs?: number | undefined;
}

/** What became of the acknowledgement of one message. */
export interface AckOutcome {
  readonly delivery: DeliveryStatus | 'none';
  readonly to?: string | undefined;
  readonly reason?: string | undefined;
}

// Booking details go only to the address that proved who the guest is (From), never to a Reply-To a
// forger could have set; a plain acknowledgement may follow Reply-To as mail clients do.
function recipientOf(mail: InboundMail, disclosedBooking: boolean, own: OwnAddresses): string | undefined {
  const candidates = disclosedBooking ? [mail.from] : [mail.replyTo, mail.from];
  return candidates.find((a): a is string => a !== undefined && !isUnanswerable(a, own));
}

/**
 * Hands the intake's plan for an email to deliver, addressed safely and threaded on the guest's
 * message; deliver sends it at most once per case and address, within the per-address rate. A send
 * that may succeed later stays pending and throws, so the message is retried (SQS, the local door).
 */
export async function acknowledge(
  deliver: Deliver,
  own: OwnAddresses,
  mail: InboundMail,
  plan: ReplyPlan,
): Promise<AckOutcome> {
  if (!('message' in plan)) return { delivery: 'suppressed', reason: plan.none };
  const to = recipientOf(mail, plan.disclosedBooking, own);
  if (!to) return { delivery: 'suppressed', reason: 'no answerable address' };
  const outcome = await deliver(emailAcknowledgement(plan.message, mail, to));
  if (outcome.status === 'pending')
    throw new DependencyError('email', `acknowledgement not sent yet: ${outcome.reason ?? 'pending'}`);
  return { delivery: outcome.status, to, reason: outcome.reason };
}
