import { DependencyError } from '../errors';
import { contactIdOf, type IntakeDeps, type IntakeResult, intake } from '../intake/intake';
import type { Deliver } from '../outbound/deliver';
import type { OutboundLedger } from '../outbound/ledger';
import { acknowledgementId, replyPlanOf } from '../outbound/reply-plan';
import { type AckOutcome, type AckSettings, acknowledge } from './acknowledge';
import type { EmailCaseStore, MailQuarantine, MessageRef } from './email-ports';
import type { InboundMail } from './inbound-mail';
import { noReplyReasonOf } from './loop-guard';
import type { Sign } from './reply-token';
import { senderProof } from './sender-proof';
import { findThread } from './thread';
import { toContact } from './to-contact';
import { verdictAction } from './verdicts';

/** Everything the email door's use case talks to. */
export interface EmailDeps {
  readonly intake: IntakeDeps;
  /** The same store as intake.cases, with the email methods. */
  readonly store: EmailCaseStore;
  /** The one outbound step (its Messenger sends email through the Mailer). */
  readonly deliver: Deliver;
  /** Where a bounce of our acknowledgement is recorded. */
  readonly outbound: Pick<OutboundLedger, 'get' | 'recordFor'>;
  readonly quarantine: MailQuarantine;
  readonly sign: Sign;
  readonly settings: AckSettings;
}

/** What became of one inbound email. */
export interface MailOutcome {
  readonly status: 'recorded' | 'duplicate' | 'quarantined';
  readonly contactId: string;
  readonly caseNumber?: string | undefined;
  readonly intake?: IntakeResult['outcome'] | undefined;
  /** Why no acknowledgement was due (auto-reply, bounce, spam…), decided before the intake. */
  readonly noReplyReason?: string | undefined;
  readonly ack: AckOutcome;
  /** Where a quarantined message now is. */
  readonly quarantinedAt?: string | undefined;
}

// A bounce about our acknowledgement says the guest never got it: its delivery is reported failed.
async function markBounced(deps: EmailDeps, ref: MessageRef, mail: InboundMail): Promise<void> {
  const bounced = await deps.outbound.get(acknowledgementId(ref.contactId));
  if (!bounced?.providerMessageId) return;
  await deps.outbound.recordFor(bounced, {
    providerMessageId: bounced.providerMessageId,
    status: 'failed',
    error: `bounced (${mail.id}): ${mail.subject.slice(0, 200)}`,
    at: deps.intake.clock.now().toISOString(),
  });
}

// Longer than any one message takes (the email Lambda's 60 s timeout), short enough for a retry to finish.
const CLAIM_STALE_AFTER_MS = 2 * 60_000;
// An email contact id is this prefix and the id of the stored copy it came from.
const EMAIL_CONTACT_PREFIX = contactIdOf({ channel: 'email', channelMessageId: '' });

/**
 * One inbound email through the one pipeline: SES verdicts first (a virus is quarantined, nothing else
 * happens), then once per Message-ID and recipient, loop protection, threading, the intake, and a safe
 * acknowledgement.
 */
export async function receiveMail(deps: EmailDeps, mail: InboundMail): Promise<MailOutcome> {
  const contactId = contactIdOf({ channel: 'email', channelMessageId: mail.id });
  const verdicts = mail.verdicts;
  const verdict = verdictAction(verdicts);
  // A From address proves nothing by itself: only a DMARC pass for its own domain ties it to the sender.
  const senderProven = senderProof(mail, verdicts, deps.settings.requireDmarcPass !== false).proven;
  if (verdict.kind === 'quarantine') {
    const quarantinedAt = await deps.quarantine.quarantine(mail, verdict.reason);
    return {
      status: 'quarantined',
      contactId,
      noReplyReason: verdict.reason,
      ack: { delivery: 'none' },
      quarantinedAt,
    };
  }
  const messageId = mail.messageId;
  let working = mail;
  if (messageId) {
    const recipient = mail.recipients[0] ?? mail.to[0] ?? '';
    const now = deps.intake.clock.now();
    const staleBefore = new Date(now.getTime() - (deps.settings.claimStaleAfterMs ?? CLAIM_STALE_AFTER_MS));
    const claim = await deps.store.claimMessage({ messageId, recipient }, contactId, now, staleBefore);
    const first = claim.holder === contactId ? undefined : await deps.store.getContact(claim.holder);
    if (first) {
      // The copy that stored this contact may have died before acknowledging, or its send failed:
      // deliver finishes that (one send per message id, so never twice). Otherwise nothing is left to do.
      const plan = replyPlanOf(first);
      const recorded = 'message' in plan ? await deps.outbound.get(plan.message.id) : undefined;
      const ack: AckOutcome =
        'message' in plan && (recorded === undefined || recorded.status === 'pending')
          ? await acknowledge(deps.deliver, deps.settings.own, mail, plan)
          : { delivery: 'none', reason: 'same Message-ID already received for this recipient' };
      return { status: 'duplicate', contactId: claim.holder, caseNumber: first.caseNumber, ack };
    }
    // Another copy holds a recent claim and has not stored its contact yet: it is still at work. Going on
    // would record the mail twice; the sender's server (or SQS) retries, and a claim whose copy died
    // half-way goes stale and is taken over, so nothing is lost.
    if (!claim.mine)
      throw new DependencyError('email', 'another delivery of this message is being processed; retry later');
    // A claim taken over from a copy that died: go on as that copy (same contact id), so what it wrote
    // before dying (its case event) is recognised rather than written a second time.
    if (claim.holder !== contactId)
      working = { ...mail, id: claim.holder.slice(EMAIL_CONTACT_PREFIX.length) };
  }
  const reason = verdict.kind === 'record-only' ? verdict.reason : noReplyReasonOf(mail, deps.settings.own);
  const thread = await findThread(deps.store, mail, deps.sign, reason);
  const result = await intake(deps.intake, toContact(working, reason, senderProven), {
    thread: thread.candidates,
  });
  const record = result.record;
  if (result.outcome !== 'duplicate') {
    if (messageId)
      await deps.store.rememberMessageIds([messageId], {
        caseNumber: record.caseNumber,
        contactId: record.id,
      });
    if (thread.bouncedRef && reason === 'bounce') await markBounced(deps, thread.bouncedRef, mail);
  }
  const ack = await acknowledge(deps.deliver, deps.settings.own, mail, result.plan);
  return {
    status: result.outcome === 'duplicate' ? 'duplicate' : 'recorded',
    contactId: record.id,
    caseNumber: record.caseNumber,
    intake: result.outcome,
    noReplyReason: reason,
    ack,
  };
}
