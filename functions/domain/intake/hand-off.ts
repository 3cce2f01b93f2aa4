import { isEmergency } from '../cases/escalation';
import type { CaseStore, ContactCenter, ContactRecord, HandOff } from '../ports';
import { isVerified } from './standing';

function toHandOff(record: ContactRecord): HandOff {
  const { classification: c, decision: d } = record;
  return {
    contactId: record.id,
    caseNumber: record.caseNumber,
    channel: record.channel,
    queue: d.queue,
    priority: d.priority,
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
    contactCount: 1,
    emergency: isEmergency(c.topic),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Hands a recorded contact to the agents. A failing contact centre never loses the contact: it stays
 * marked pending and `retryPendingHandOffs` delivers it later.
 */
export async function handOff(
  center: ContactCenter,
  cases: CaseStore,
  record: ContactRecord,
): Promise<'done' | 'pending'> {
  try {
    await center.handOff(toHandOff(record));
  } catch (error) {
    await cases.markHandedOff(record.id, { ok: false, error: describe(error) });
    return 'pending';
  }
  await cases.markHandedOff(record.id, { ok: true });
  return 'done';
}

/** Retries the hand-offs that failed earlier, oldest first; returns how many went through. */
export async function retryPendingHandOffs(
  center: ContactCenter,
  cases: CaseStore,
  limit = 100,
): Promise<{ attempted: number; delivered: number }> {
  const pending = await cases.listPendingHandoffs(limit);
  let delivered = 0;
  for (const record of pending) {
    if ((await handOff(center, cases, record)) === 'done') delivered++;
  }
  return { attempted: pending.length, delivered };
}
