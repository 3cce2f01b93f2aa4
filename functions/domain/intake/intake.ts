import type { Case } from '../case';
import { needsAgent } from '../cases/needs-agent';
import { recordContactOnCase } from '../cases/record-contact';
import { transition } from '../cases/transition';
import type { Classifier } from '../classification';
import {
  attachmentsOf,
  type Contact,
  emailThreadOf,
  keypadOf,
  noReplyReasonOf,
  senderNameOf,
  subjectOf,
} from '../contact';
import { composeAck } from '../i18n/replies';
import type { IncidentLookup } from '../incidents/active-incidents';
import { incidentOfContact, routedForIncident, withIncidentMessage } from '../incidents/intake-hook';
import { type Deliver, type DeliveryOutcome, outcomeOf } from '../outbound/deliver';
import { acknowledgementId, inlineAnswerOf, type ReplyPlan, replyPlanOf } from '../outbound/reply-plan';
import type { BookingStore, Clock, ContactCenter, ContactRecord, PinHasher, Reply } from '../ports';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { QueueLoad } from '../routing/queue-load';
import { route } from '../routing/route';
import type { CaseRecords, ContactLog } from '../store-ports';
import { takeSurveyAnswer } from '../survey/answer-by-message';
import type { SurveyStore } from '../survey/survey-ports';
import { deliverHandOff } from './hand-off';
import { staffingOrUnknown, waitingOrUnknown } from './load-readings';
import { resolveCase, type ThreadCandidate } from './resolve-case';
import { provenCustomer, standingOf } from './standing';
import { storeContact } from './store-contact';
import { type Identification, identify } from './verify';

/** Everything the intake pipeline talks to. */
export interface IntakeDeps {
  readonly policy: RoutingPolicy;
  readonly classifier: Classifier;
  readonly bookings: BookingStore;
  readonly cases: CaseRecords & ContactLog;
  readonly contactCenter: ContactCenter;
  readonly pinHasher: PinHasher;
  readonly clock: Clock;
  /** Surveys awaiting answers: a message answering one is recorded on its case, not as a contact. */
  readonly surveys?: SurveyStore | undefined;
  /** Sentence put first in any answer to an emergency, in the customer's language. */
  readonly emergencyNotice?: ((language: ContactRecord['decision']['language']) => string) | undefined;
  /** Active incidents: a verified guest of an affected booking is told, prioritised and attached. */
  readonly incidents?: IncidentLookup | undefined;
  /** Waiting cases per queue (cached: docs/load-shedding.md); without it nothing is shed. */
  readonly queueLoad?: QueueLoad | undefined;
}

/** What became of a contact. A duplicate carries the record (and reply plan) stored the first time. */
export interface IntakeResult {
  readonly outcome: 'new_case' | 'continued_case' | 'duplicate' | 'survey_answer';
  readonly record: ContactRecord;
  readonly handoff: ContactRecord['handoff'];
  /** What to say back: the door hands it to deliver (or answers inline through it). */
  readonly plan: ReplyPlan;
  /** How the plan's inline answer went, when it was delivered with the contact (`answerInline`). */
  readonly delivery?: DeliveryOutcome | undefined;
}

/** What a door may add to a contact beyond the Contact itself. */
export interface IntakeOptions {
  /** Cases the message may continue, tried in order (email threading); replaces the quoted case number. */
  readonly thread?: readonly ThreadCandidate[] | undefined;
  /**
   * The booking and verification the door already established for this contact (the IVR's PIN step),
   * so a PIN is hashed and counted once, not again here.
   */
  readonly identified?: Identification | undefined;
  /**
   * Deliver, for a door that answers in its own response (TwiML): the answer is delivered before the
   * contact is stored and recorded with it (storeContact), so it costs no write of its own.
   */
  readonly answerInline?: Deliver | undefined;
}

/** The id that makes a contact idempotent: one per channel message. */
export function contactIdOf(contact: Pick<Contact, 'channel' | 'channelMessageId'>): string {
  return `${contact.channel}:${contact.channelMessageId}`;
}

/**
 * The one intake pipeline behind every door: identify, classify, look up and verify the booking,
 * route, record the case and contact (once per channel message), answer, and hand off to agents.
 */
export async function intake(
  deps: IntakeDeps,
  contact: Contact,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  const id = contactIdOf(contact);
  // Read at once (a store may serve them in one round trip): the contact, the customer, and the sender's
  // open cases (theirs unless the sender is a known customer); a redelivery merely wastes the last two.
  const [seen, customer, staffing, sendersCases, waiting] = await Promise.all([
    deps.cases.getContact(id),
    contact.from ? deps.bookings.findCustomer(contact.from) : Promise.resolve(undefined),
    staffingOrUnknown(deps.contactCenter),
    deps.cases.openCases(contact.from),
    waitingOrUnknown(deps),
  ]);
  if (seen) return duplicate(seen);

  const now = deps.clock.now();
  const classification = deps.classifier.classify({
    text: contact.text,
    subject: subjectOf(contact),
    channel: contact.channel,
    from: contact.from,
    to: contact.to,
    languageHint: contact.languageHint,
    bookingLanguage: provenCustomer(contact, customer)?.language,
  });
  const who =
    options.identified ??
    (await identify(deps.bookings, deps.pinHasher, contact, customer, classification.bookingRef, now));
  // Everything below follows the standing, never the booking itself: see standingOf.
  const standing = standingOf(contact, customer, who);
  // A verified booking is the truth about the tier; until then the door's assumption may lift it.
  const assumed = contact.channel === 'voice' ? contact.assumedTier : undefined;
  const routing = { assumedTier: standing.verified ? undefined : assumed, waiting };
  const routable = { ...contact, classification };
  const routed = route(deps.policy, routable, standing.booking, standing.customer, now, staffing, routing);
  const incident = await incidentOfContact(deps.incidents, standing);
  const noted = standing.note ? { ...routed, reasons: [...routed.reasons, standing.note] } : routed;
  const decision = routedForIncident(noted, incident);
  const answered = await takeSurveyAnswer(deps, {
    contact,
    contactId: id,
    classification,
    decision,
    who,
    customer,
    now,
  });
  if (answered) return answered;
  const ownerKey = customer?.id ?? contact.from;
  const at = now.toISOString();
  // A known customer's cases are under its id; a PIN check (a slow hash) gives another message of the
  // same sender time to open a case: both read the open cases again, so they continue it, not race it.
  const reread = customer !== undefined || (!options.identified && keypadOf(contact).pin !== undefined);

  const kase = await resolveCase(deps.cases, {
    policy: deps.policy,
    contact,
    contactId: id,
    ownerKey,
    openCases: reread ? await deps.cases.openCases(ownerKey) : sendersCases,
    customerId: customer?.id,
    bookingRef: who.bookingRef,
    classification,
    decision,
    now: at,
    thread: options.thread,
  });

  const noReplyReason = noReplyReasonOf(contact);
  const reply: Reply = {
    channel: contact.channel,
    to: contact.from,
    language: classification.language,
    text: composeAck({
      language: classification.language,
      caseNumber: kase.caseNumber,
      continued: !kase.opened,
      expectedResponseMinutes: decision.expectedResponseMinutes,
      routing: decision,
      verifiedBooking: standing.booking,
      invalidReference: standing.invalidReference,
      pinLocked: standing.pinLocked,
      // A caller hears the callback offer from the IVR instead (queue-steps.ts).
      answeredByMessage: decision.shed !== undefined && contact.channel !== 'voice',
      preface:
        classification.topic === 'emergency' ? deps.emergencyNotice?.(classification.language) : undefined,
    }),
    disclosedBooking: standing.booking !== undefined,
    // No answer to machine mail: the contact is still recorded, the plan says why nothing is said.
    messageId: noReplyReason === undefined ? acknowledgementId(id) : undefined,
    opensCase: kase.opened || undefined,
    reason: noReplyReason,
  };

  const record: ContactRecord = {
    id,
    channel: contact.channel,
    channelMessageId: contact.channelMessageId,
    from: contact.from,
    to: contact.to,
    text: contact.text,
    subject: subjectOf(contact),
    attachments: attachmentsOf(contact),
    emailThread: emailThreadOf(contact),
    receivedAt: contact.receivedAt,
    caseNumber: kase.caseNumber,
    customerId: customer?.id,
    customerName: customer?.name ?? senderNameOf(contact),
    bookingRef: who.bookingRef,
    verification: who.verification,
    incidentId: incident?.id,
    classification,
    decision: kase.note ? { ...decision, reasons: [...decision.reasons, kase.note] } : decision,
    reply: withIncidentMessage(reply, incident),
    handoff: 'pending',
    handoffAttempts: 0,
  };

  // On the case before the contact is stored, once per contact id: a crash between the two writes is
  // finished by the redelivery, which appends nothing twice and then stores the contact.
  const agentNeeded = needsAgent({ noReplyReason });
  const onCase = kase.opened
    ? await settleMachineCase(deps, kase.existing, agentNeeded, now)
    : await recordContactOnCase(
        deps.cases,
        deps.policy,
        kase.caseNumber,
        kase.existing,
        {
          contactId: id,
          channel: contact.channel,
          topic: classification.topic,
          priority: decision.priority,
          agentNeeded,
        },
        now,
      );
  // Handed off before it is stored, so the contact is written once with its outcome; a failed hand-off
  // is stored "pending" for the retry, and a redelivery after a crash hands the same contact again,
  // which updates the same entry.
  const outcome = await deliverHandOff(deps.contactCenter, record, onCase, agentNeeded);
  const flagged =
    outcome.handoff === 'with_agent' && onCase?.agentId
      ? {
          ...record.decision,
          reasons: [...record.decision.reasons, `case with ${onCase.agentId}: flagged to them`],
        }
      : record.decision;
  const final: ContactRecord = {
    ...record,
    decision: flagged,
    handoff: outcome.handoff,
    handoffAttempts: outcome.handoff === 'pending' ? 1 : 0,
    handoffError: outcome.error,
  };
  if (incident && standing.booking)
    await deps.incidents?.attach(incident.id, {
      caseNumber: kase.caseNumber,
      bookingRef: standing.booking.reference,
      contactId: id,
    });
  const stored = await storeContact(deps.cases, final, options.answerInline);
  if (!stored.created) return { ...duplicate(stored.existing), delivery: stored.delivery };
  const result = kase.opened ? 'new_case' : 'continued_case';
  const { record: kept, delivery } = stored;
  return { outcome: result, record: kept, handoff: kept.handoff, plan: replyPlanOf(kept), delivery };
}

function duplicate(record: ContactRecord): IntakeResult {
  // An inline answer recorded with the contact is answered again as it went, with nothing more read.
  const answer = inlineAnswerOf(record);
  const plan = replyPlanOf(record);
  return {
    outcome: 'duplicate',
    record,
    handoff: record.handoff,
    plan,
    delivery: answer && outcomeOf(answer),
  };
}

// Machine mail that opens a case (a bounce with no case to go to) leaves nothing to do: the case is
// resolved by the system at once, so no waiting case is left without an entry.
async function settleMachineCase(
  deps: IntakeDeps,
  kase: Case | undefined,
  agentNeeded: boolean,
  now: Date,
): Promise<Case | undefined> {
  if (agentNeeded || !kase) return kase;
  const settled = transition(kase, { type: 'resolve' }, 'system', now, deps.policy);
  if (!settled.ok) return kase;
  const saved = await deps.cases.saveCase(settled.case, kase.updatedAt, settled.events);
  return saved === 'saved' ? settled.case : kase;
}
