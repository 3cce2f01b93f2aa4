import type { Case } from '../case';
import { lifecycleStatus } from './follow-up';

// Mail a machine wrote about mail we sent: nothing for a person to answer. Lists, no-reply senders and
// mail without a sender may still carry a guest's words (a platform relaying a message), so they queue.
const MACHINE_MAIL = new Set([
  'auto-reply',
  'bounce',
  'read-receipt',
  'challenge-response',
  'complaint-report',
  'own-address',
]);

/** Whether a contact needs an agent at all: machine mail is recorded on its case, never queued. */
export function needsAgent(contact: { readonly noReplyReason?: string | undefined }): boolean {
  return contact.noReplyReason === undefined || !MACHINE_MAIL.has(contact.noReplyReason);
}

/** Where a contact goes once it is on its case: the case's waiting entry, its agent, or nowhere. */
export type HandOffRoute = 'queue' | 'agent' | 'none';

/**
 * Where a contact that needs an agent goes, from its case's status after the contact: a waiting case
 * has one entry (the contact updates it), a case with an agent is flagged to that agent, a settled one
 * (a late bounce) is not queued again.
 */
export function handOffRoute(kase: Pick<Case, 'status'>, agentNeeded: boolean): HandOffRoute {
  if (!agentNeeded) return 'none';
  const status = lifecycleStatus(kase.status);
  if (status === 'new' || status === 'waiting') return 'queue';
  if (status === 'with_agent' || status === 'pending_guest') return 'agent';
  return 'none';
}
