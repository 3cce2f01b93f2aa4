import type { Case } from '../case';
import { isEmergency } from '../cases/escalation';
import { handOffRoute } from '../cases/needs-agent';
import type { ContactCenter, ContactRecord, HandOff } from '../ports';
import type { CaseLifecycleStore, ContactLog } from '../store-ports';
import { isVerified } from './standing';

/** What handing stored contacts off again reads and writes: their cases, and their hand-off state. */
export type HandOffStore = Pick<CaseLifecycleStore, 'getCase'> &
  Pick<ContactLog, 'markHandedOff' | 'listPendingHandoffs'>;

/** The hand-off of a contact, with what its case's waiting entry shows. */
export function toHandOff(record: ContactRecord, kase: Case | undefined): HandOff {
  const { classification: c, decision: d } = record;
  return {
    contactId: record.id,
    caseNumber: record.caseNumber,
    channel: record.channel,
    queue: d.queue,
    priority: Math.min(d.priority, kase?.priority ?? d.priority),
    language: d.language,
    topic: c.topic,
    urgent: c.urgent,
    verified: isVerified(record.verification),
    bookingRef: record.bookingRef,
    customerName: record.customerName,
    customerAddress: record.from,
    summary: `${c.topic}${c.urgent ? ' (urgent)' : ''} via ${record.channel}: ${(record.subject ?? record.text).slice(0, 200)}`,
    reasons: d.reasons,
    receivedAt: record.receivedAt,
    contactCount: kase?.contactCount ?? 1,
    emergency: isEmergency(c.topic) || (kase !== undefined && isEmergency(kase.topic)),
    firstResponseDueAt: kase?.firstResponseDueAt,
    resolutionDueAt: kase?.resolutionDueAt,
    firstResponseAt: kase?.firstResponseAt,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** What became of a contact's hand-off, ready to be stored on the contact. */
export interface HandOffOutcome {
  readonly handoff: ContactRecord['handoff'];
  readonly error?: string | undefined;
}

/**
 * Hands a contact to the agents as its case's status says (handOffRoute): a waiting case's single entry
 * is created or updated, a case with an agent is flagged to that agent, machine mail and settled cases
 * are not queued. A failing contact centre never loses the contact: the outcome is "pending" and
 * `retryPendingHandOffs` delivers it later.
 */
export async function deliverHandOff(
  center: ContactCenter,
  record: ContactRecord,
  kase: Case | undefined,
  agentNeeded: boolean,
): Promise<HandOffOutcome> {
  const route = kase ? handOffRoute(kase, agentNeeded) : agentNeeded ? 'queue' : 'none';
  if (route === 'none') return { handoff: 'not_needed' };
  if (route === 'agent') return { handoff: 'with_agent' };
  try {
    await center.handOff(toHandOff(record, kase));
    return { handoff: 'done' };
  } catch (error) {
    return { handoff: 'pending', error: describe(error) };
  }
}

/** Hands a stored contact to the agents again, as its case is now; records the outcome on the contact. */
export async function handOff(
  center: ContactCenter,
  cases: HandOffStore,
  record: ContactRecord,
): Promise<ContactRecord['handoff']> {
  const outcome = await deliverHandOff(center, record, await cases.getCase(record.caseNumber), true);
  await cases.markHandedOff(
    record.id,
    outcome.handoff === 'pending' ? { ok: false, error: outcome.error ?? 'failed' } : { ok: true },
  );
  return outcome.handoff;
}

/** Retries the hand-offs that failed earlier, oldest first; returns how many went through. */
export async function retryPendingHandOffs(
  center: ContactCenter,
  cases: HandOffStore,
  limit = 100,
): Promise<{ attempted: number; delivered: number }> {
  const pending = await cases.listPendingHandoffs(limit);
  let delivered = 0;
  for (const record of pending) {
    if ((await handOff(center, cases, record)) !== 'pending') delivered++;
  }
  return { attempted: pending.length, delivered };
}
