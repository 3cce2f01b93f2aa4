import { isOnItsWay } from '../replies/on-its-way';
import type { Deliver } from './deliver';
import type { OutboundLedger } from './ledger';

/** What one replay did: how many unsent messages it found, sent, and left for the next one. */
export interface ReplayReport {
  readonly unsent: number;
  readonly sent: number;
  /** Failed again in a way a later replay may get past (the provider still down). */
  readonly stillUnsent: number;
  /** Settled for good: refused, failed, or taken by another sender meanwhile. */
  readonly settled: number;
}

/** What replaying needs: the ledger's list of unsent messages and the one deliver step. */
export interface ReplayDeps {
  readonly ledger: Pick<OutboundLedger, 'listUnsent'>;
  readonly deliver: Deliver;
}

const AT_ONCE = 4;

// Acknowledgements are retried with their contact (SQS redelivers the mail in AWS, the local email
// door replays the raw mail it kept), which finishes the contact's other work too.
const RETRIED_WITH_THEIR_CONTACT = new Set(['acknowledgement']);

/**
 * Sends again, once each, the messages whose last send failed while the provider was down (an agent's
 * reply, a survey): each goes back through deliver under its own message id, so the ledger's claim lets
 * one attempt send it and any other answer what that attempt recorded — a message is never sent twice,
 * however many replays run at once, and none is dropped while the provider keeps failing.
 */
export async function replayUnsent(deps: ReplayDeps, limit = 100): Promise<ReplayReport> {
  const unsent = (await deps.ledger.listUnsent(limit)).filter((m) => !RETRIED_WITH_THEIR_CONTACT.has(m.kind));
  let sent = 0;
  let stillUnsent = 0;
  const queue = [...unsent];
  // A few at a time: a provider that times out holds each send for its whole timeout.
  const worker = async () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      const outcome = await deps.deliver(message);
      if (outcome.status === 'pending') stillUnsent++;
      else if (isOnItsWay(outcome.status)) sent++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, unsent.length) }, worker));
  return { unsent: unsent.length, sent, stillUnsent, settled: unsent.length - sent - stillUnsent };
}
