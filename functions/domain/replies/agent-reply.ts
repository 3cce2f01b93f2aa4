import type { Case } from '../case';
import { refusalText } from '../cases/agent-actions';
import type { ApplyActionDeps, ApplyActionResult } from '../cases/apply-action';
import { transition } from '../cases/transition';
import type { Channel } from '../contact';
import { toHandOff } from '../intake/hand-off';
import type { Deliver, DeliveryOutcome } from '../outbound/deliver';
import type { OutboundMessage } from '../outbound/messenger';
import type { BookingStore, CaseStore, ContactCenter } from '../ports';
import { applyOncePerMessage } from './apply-once';
import { guestAddress } from './guest-address';
import { isOnItsWay } from './on-its-way';
import { composeReply, type ReplyContent, replySubject } from './reply-content';

/** What an agent's reply needs: the cases and their contacts, bookings, the waiting lists, deliver. */
export interface AgentReplyDeps extends ApplyActionDeps {
  readonly cases: ApplyActionDeps['cases'] & Pick<CaseStore, 'listContactsOfCase'>;
  readonly bookings: Pick<BookingStore, 'getBooking'>;
  readonly center: Pick<ContactCenter, 'withdraw' | 'handOff'>;
  readonly deliver: Deliver;
  /** Whether a number takes text messages (default: libphonenumber-js's number type). */
  readonly takesText?: ((number: string) => boolean) | undefined;
}

/** An agent's reply to the guest of a case. */
export interface AgentReplyRequest {
  readonly caseNumber: string;
  readonly agentId: string;
  readonly content: ReplyContent;
  /** One of the channels the guest used; default: that of their latest contact. */
  readonly channel?: Channel | undefined;
  /** The client's Idempotency-Key (or a fresh id): a retry with the same key sends once. */
  readonly key: string;
  readonly at: Date;
}

/** A reply that went (or goes) out, a call back asked for instead, or why nothing happened. */
export type AgentReplyResult =
  | {
      readonly ok: true;
      readonly kind: 'sent';
      readonly case: Case;
      readonly message: OutboundMessage;
      readonly delivery: DeliveryOutcome;
      readonly replay: boolean;
    }
  | {
      readonly ok: true;
      readonly kind: 'callback';
      readonly case: Case;
      readonly number: string;
      readonly replay: boolean;
    }
  | {
      readonly ok: false;
      /** not_found: 404; invalid: the request's fault (400); conflict: the case's state (409). */
      readonly kind: 'not_found' | 'invalid' | 'conflict';
      readonly code: string;
      readonly message: string;
      readonly delivery?: DeliveryOutcome | undefined;
    };

const fail = (
  kind: 'not_found' | 'invalid' | 'conflict',
  code: string,
  message: string,
): AgentReplyResult => ({
  ok: false,
  kind,
  code,
  message,
});

function refused(result: Exclude<ApplyActionResult, { ok: true }>): AgentReplyResult {
  if (result.reason === 'not_found') return fail('not_found', 'not_found', `no case ${result.caseNumber}`);
  return fail('conflict', result.reason, refusalText(result));
}

/**
 * Answers the guest of a case for an agent: on the channel of the guest's latest contact, to the address
 * it came from (a call by SMS to a mobile, else a call-back task), then records "replied" on the case,
 * which sets the first response and waits for the guest (pending_guest). Nothing is sent on a case that
 * may not be answered (merged, closed, resolved), and nothing is recorded for a message deliver would not
 * send (opt-out, refused). One message per key, however often the client retries.
 */
export async function sendAgentReply(
  deps: AgentReplyDeps,
  request: AgentReplyRequest,
): Promise<AgentReplyResult> {
  const { caseNumber, at } = request;
  const agent = { kind: 'agent', id: request.agentId } as const;
  const kase = await deps.cases.getCase(caseNumber);
  if (!kase) return refused({ ok: false, reason: 'not_found', caseNumber });
  const messageId = `${caseNumber}:reply:${request.key}`;
  // A retry of a recorded reply skips the check: its case has moved on because of that very reply.
  if (!kase.timeline.some((e) => e.messageId === messageId)) {
    const allowed = transition(kase, { type: 'reply' }, agent, at, deps.policy);
    if (!allowed.ok) return refused(allowed);
  }
  const contacts = await deps.cases.listContactsOfCase(caseNumber);
  const address = guestAddress(contacts, request.channel, deps.takesText);
  if (address.kind === 'refused')
    return fail(address.reason === 'no_contact' ? 'conflict' : 'invalid', address.reason, address.message);
  const channel = address.kind === 'message' ? address.channel : 'sms';
  const composed = await composeReply(deps.bookings, kase, contacts, request.content, channel, at);
  if (!composed.ok) return fail(composed.kind, composed.code, composed.message);

  if (address.kind === 'callback') {
    const text = `call back ${address.number}: ${composed.text}`;
    const applied = await applyOncePerMessage(deps, caseNumber, messageId, (k) =>
      transition(k, { type: 'callback', text, messageId }, agent, at, deps.policy),
    );
    if (!applied.ok) return refused(applied);
    // The case waits again, its entry saying whom to call and why. A retry of the same key does not
    // queue it again: the entry may already have been taken by the agent who calls.
    if (!applied.replay) {
      const record = { ...address.contact, id: `${address.contact.id}:callback:${request.key}` };
      await deps.center.handOff({
        ...toHandOff(record, applied.case),
        summary: text.slice(0, 300),
        receivedAt: at.toISOString(),
        reasons: [`call back asked by ${request.agentId}: the number takes no text messages`],
        requeue: true,
      });
    }
    return {
      ok: true,
      kind: 'callback',
      case: applied.case,
      number: address.number,
      replay: applied.replay === true,
    };
  }

  const answered = contacts.find((c) => c.id === address.answers[0]);
  const message: OutboundMessage = {
    id: messageId,
    kind: 'agent_reply',
    caseNumber,
    channel: address.channel,
    to: address.to,
    language: kase.language,
    text: composed.text,
    subject: address.channel === 'email' ? replySubject(caseNumber, answered?.subject) : undefined,
    inReplyTo: address.answers,
    emailThread: address.emailThread,
    automatic: false,
    agentId: request.agentId,
    createdAt: at.toISOString(),
  };
  const delivery = await deps.deliver(message);
  if (!isOnItsWay(delivery.status))
    return {
      ok: false,
      kind: 'conflict',
      code: 'not_delivered',
      message: `not sent (${delivery.status}): ${delivery.reason ?? 'no reason given'}`,
      delivery,
    };
  const applied = await applyOncePerMessage(deps, caseNumber, messageId, (k) =>
    transition(k, { type: 'reply', messageId, text: composed.text }, agent, at, deps.policy),
  );
  if (!applied.ok) return refused(applied);
  return { ok: true, kind: 'sent', case: applied.case, message, delivery, replay: applied.replay === true };
}
