import type { Case, CaseEvent } from '../case';
import type { Channel } from '../contact';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { CaseLifecycleStore, CaseRecords } from '../store-ports';
import { backOff } from './backoff';
import { transition } from './transition';

/** A further contact on an existing case, as the case needs it. */
export interface ContactOnCase {
  readonly contactId: string;
  readonly channel: Channel;
  readonly topic: Case['topic'];
  readonly priority: number;
  /** False for machine mail: recorded on the case, the case does not move. */
  readonly agentNeeded: boolean;
}

// A case being worked while a guest writes resolves in a round or two; a flood of one guest's messages
// needs more, each round re-reading the case (a small read: the stored case keeps its latest contact
// events only); past that the contact is appended without the lifecycle, which always lands.
const MAX_ROUNDS = 25;

/**
 * Puts a further contact on its case once: through the lifecycle (contact_received: a pending case
 * waits again, a recently resolved one reopens; priority becomes the most urgent of its contacts) or,
 * for machine mail or a case that takes no contact any more, as a plain "contact" event. A retry finds
 * the contact on the timeline and changes nothing. Answers the case after it (undefined when unknown).
 */
export async function recordContactOnCase(
  cases: CaseLifecycleStore & Pick<CaseRecords, 'appendToCase'>,
  policy: RoutingPolicy,
  caseNumber: string,
  read: Case | undefined,
  contact: ContactOnCase,
  at: Date,
): Promise<Case | undefined> {
  let kase = read;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    kase ??= await cases.getCase(caseNumber);
    if (!kase) return undefined;
    if (kase.timeline.some((e) => e.contactId === contact.contactId)) return kase;
    const moved = contact.agentNeeded
      ? transition(
          kase,
          { type: 'contact_received', contactId: contact.contactId, channel: contact.channel },
          'guest',
          at,
          policy,
        )
      : undefined;
    if (!moved?.ok) {
      const plain = await appendPlain(cases, kase, contact, at);
      if (plain) return plain;
      kase = undefined;
      await backOff(round);
      continue;
    }
    const next: Case = {
      ...moved.case,
      priority: Math.min(kase.priority, contact.priority),
      topic: contact.topic === 'emergency' ? 'emergency' : kase.topic,
    };
    if ((await cases.saveCase(next, kase.updatedAt, moved.events)) === 'saved')
      return { ...next, revision: (kase.revision ?? 0) + 1, timeline: [...kase.timeline, ...moved.events] };
    kase = undefined;
    await backOff(round);
  }
  // The store's append is itself idempotent by contact id, so a lost race here cannot count twice.
  const event = contactEvent(contact, at);
  await cases.appendToCase(caseNumber, event, {});
  return cases.getCase(caseNumber);
}

function contactEvent(contact: ContactOnCase, at: Date): CaseEvent {
  return {
    type: 'contact',
    at: at.toISOString(),
    by: 'guest',
    channel: contact.channel,
    contactId: contact.contactId,
  };
}

// A plain "contact" event, saved on the revision read like any transition: a lost race reads again.
async function appendPlain(
  cases: CaseLifecycleStore,
  kase: Case,
  contact: ContactOnCase,
  at: Date,
): Promise<Case | undefined> {
  const event = contactEvent(contact, at);
  const next: Case = { ...kase, contactCount: kase.contactCount + 1, updatedAt: event.at };
  if ((await cases.saveCase(next, kase.updatedAt, [event])) === 'conflict') return undefined;
  return { ...next, revision: (kase.revision ?? 0) + 1, timeline: [...kase.timeline, event] };
}
