import { type Case, findCaseNumber } from '../case';
import { followUpDecision } from '../cases/follow-up';
import { latestCase } from '../cases/latest-case';
import { serviceLevelDue } from '../cases/service-levels';
import { transition } from '../cases/transition';
import type { Classification } from '../classification';
import { type Contact, subjectOf } from '../contact';
import { DependencyError } from '../errors';
import type { RoutingDecision } from '../routing/decision';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { CaseRecords, ContactLog, OpenCaseSlots } from '../store-ports';
import { caseNumberFor } from './case-number';

// Six base-32 characters give ~10^9 numbers; a handful of tries gets past any clash.
const MAX_NUMBER_ATTEMPTS = 5;

/** The case a contact lands on, and whether it was opened for it. */
export interface CaseResolution {
  readonly caseNumber: string;
  readonly opened: boolean;
  readonly existing?: Case | undefined;
  readonly note?: string | undefined;
}

// A merged case names the one it went into; chains are short, a loop must not spin.
const MAX_MERGE_HOPS = 5;

/** What resolving a case writes and reads: the cases, and the contact's pin. */
export type CaseResolver = CaseRecords & Pick<ContactLog, 'pinContactCase'>;

/** A case found for a contact, or the settled case a new one must link. */
type Followed = { readonly kase: Case } | { readonly linkedTo: string };

/** What resolving a case needs to know about the contact. */
export interface CaseContext {
  readonly policy: RoutingPolicy;
  readonly contact: Contact;
  readonly contactId: string;
  readonly ownerKey: string;
  /** The owner's open-case slots, read with the contact (intake). */
  readonly openCases: OpenCaseSlots;
  readonly customerId?: string | undefined;
  readonly bookingRef?: string | undefined;
  readonly classification: Classification;
  readonly decision: RoutingDecision;
  readonly now: string;
  /** Cases the door found for this message, tried in order instead of the quoted case number (email). */
  readonly thread?: readonly ThreadCandidate[] | undefined;
}

/** A case a door found a message may continue, and how sure it is. */
export interface ThreadCandidate {
  readonly caseNumber: string;
  /** How it was found; kept in the contact's reasons. */
  readonly source: string;
  /** Proven by something only our own mail carried (signed reference, our bounced message): no owner check. */
  readonly proven?: boolean | undefined;
  /** May land on a resolved case (a bounce about an old acknowledgement). */
  readonly anyStatus?: boolean | undefined;
}

async function quotedCase(cases: CaseResolver, ctx: CaseContext): Promise<CaseResolution | undefined> {
  const { contact } = ctx;
  const quoted =
    contact.threadHints?.caseNumber ??
    findCaseNumber(`${subjectOf(contact) ?? ''} ${contact.text.slice(0, 2000)}`);
  if (!quoted) return undefined;
  const found = await cases.getCase(quoted);
  // A quoted number is only a hint: someone else's case number must never pull a message onto that case.
  if (!found || found.ownerKey !== ctx.ownerKey) return undefined;
  const followed = await follow(cases, ctx, found);
  if (!followed || !('kase' in followed)) return undefined;
  return {
    caseNumber: followed.kase.caseNumber,
    opened: false,
    existing: followed.kase,
    note: `quoted case ${found.caseNumber}`,
  };
}

/**
 * Where a contact on this case goes (followUpDecision): the case itself while active or reopenable,
 * the case it was merged into, or a new case linking it once it is settled for good.
 */
async function follow(cases: CaseResolver, ctx: CaseContext, start: Case): Promise<Followed | undefined> {
  let kase: Case | undefined = start;
  for (let hop = 0; kase && hop < MAX_MERGE_HOPS; hop++) {
    const decision = followUpDecision(kase, new Date(ctx.now), ctx.policy);
    if (decision.kind === 'merged') kase = await cases.getCase(decision.into);
    else if (decision.kind === 'new_case') return { linkedTo: decision.linkedTo };
    else return { kase };
  }
  return undefined;
}

async function candidateCase(
  cases: CaseResolver,
  ctx: CaseContext,
  candidates: readonly ThreadCandidate[],
): Promise<CaseResolution | undefined> {
  const tried = new Set<string>();
  for (const candidate of candidates) {
    if (tried.has(candidate.caseNumber)) continue;
    tried.add(candidate.caseNumber);
    const found = await cases.getCase(candidate.caseNumber);
    // Unproven hints (a number, a message id) only count for the case's own customer.
    if (!found || (!candidate.proven && found.ownerKey !== ctx.ownerKey)) continue;
    // A bounce about an old acknowledgement belongs on that case, whatever became of it.
    const followed = candidate.anyStatus ? { kase: found } : await follow(cases, ctx, found);
    if (!followed || !('kase' in followed)) continue;
    return {
      caseNumber: followed.kase.caseNumber,
      opened: false,
      existing: followed.kase,
      note: `${candidate.source}: ${found.caseNumber}`,
    };
  }
  return undefined;
}

/** The case a contact opens: waiting for an agent, due by the policy's service levels. */
export function newCase(ctx: CaseContext, caseNumber: string, linkedCase?: string): Case {
  // "acknowledged" follows once the answer is out: deliver puts it there (functions/domain/outbound).
  const timeline: Case['timeline'] = [
    {
      type: 'opened',
      at: ctx.now,
      by: 'guest',
      status: 'waiting',
      channel: ctx.contact.channel,
      contactId: ctx.contactId,
    },
  ];
  const due = serviceLevelDue(ctx.policy, ctx.decision.queue, ctx.decision.priority, new Date(ctx.now));
  return {
    caseNumber,
    status: 'waiting',
    linkedCase,
    firstResponseDueAt: due.firstResponseDueAt,
    resolutionDueAt: due.resolutionDueAt,
    breaches: { firstResponse: false, resolution: false },
    ownerKey: ctx.ownerKey,
    customerId: ctx.customerId,
    bookingRef: ctx.bookingRef,
    language: ctx.classification.language,
    topic: ctx.classification.topic,
    queue: ctx.decision.queue,
    priority: ctx.decision.priority,
    openedAt: ctx.now,
    updatedAt: ctx.now,
    contactCount: 1,
    timeline,
  };
}

async function openCase(cases: CaseResolver, ctx: CaseContext, linkedCase?: string): Promise<Case> {
  for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt++) {
    const kase = newCase(ctx, caseNumberFor(ctx.contactId, attempt), linkedCase);
    const outcome = await cases.createCase(kase, ctx.contactId);
    if (outcome === 'created') return kase;
    if (outcome === 'exists') return (await cases.getCase(kase.caseNumber)) ?? kase;
  }
  throw new DependencyError('case-store', `no free case number after ${MAX_NUMBER_ATTEMPTS} attempts`);
}

// What a contact's pin says when it opens a case of its own rather than continuing one.
const OWN_CASE = 'own';

async function findCase(
  cases: CaseResolver,
  ctx: CaseContext,
): Promise<CaseResolution | { readonly linkedTo: string } | undefined> {
  const quoted = ctx.thread ? await candidateCase(cases, ctx, ctx.thread) : await quotedCase(cases, ctx);
  if (quoted) return quoted;
  const latest = await latestCase(cases, ctx.openCases, ctx.bookingRef);
  const followed = latest ? await follow(cases, ctx, latest) : undefined;
  if (!followed) return undefined;
  if ('linkedTo' in followed) return followed;
  return { caseNumber: followed.kase.caseNumber, opened: false, existing: followed.kase };
}

async function openOwnCase(
  cases: CaseResolver,
  ctx: CaseContext,
  linkedTo?: string,
): Promise<CaseResolution> {
  // Case numbers derive from the contact id, so a retry finds the case its first attempt created.
  const mine = await openCase(cases, ctx, linkedTo);
  const holder = await cases.claimOpenCase(ctx.ownerKey, ctx.bookingRef, mine.caseNumber, linkedTo);
  if (holder === mine.caseNumber) return { caseNumber: holder, opened: true, existing: mine };
  // Another message of the same guest opened a case first: ours is merged into it, the contact goes there.
  const merged = transition(mine, { type: 'merge', into: holder }, 'system', new Date(ctx.now), ctx.policy);
  if (merged.ok) await cases.saveCase(merged.case, mine.updatedAt, merged.events);
  return {
    caseNumber: holder,
    opened: false,
    existing: await cases.getCase(holder),
    note: `merged into ${holder}`,
  };
}

/**
 * Continues the sender's case (quoted case number first, or the door's thread candidates in their
 * order, then the latest case about the same booking) as followUpDecision says: an active or recently
 * resolved case takes the contact, a merged one hands it on, a case settled for good gets a new case
 * linking it. Two messages racing to open a case end on the same one: the loser's case is merged into
 * it. A retry after a crash goes where the first attempt went (its pin), so no case counts it twice.
 */
export async function resolveCase(cases: CaseResolver, ctx: CaseContext): Promise<CaseResolution> {
  const found = await findCase(cases, ctx);
  const linkedTo = found && 'linkedTo' in found ? found.linkedTo : undefined;
  const existing = found && 'caseNumber' in found ? found : undefined;
  const wanted = existing?.caseNumber ?? OWN_CASE;
  const pinned = await cases.pinContactCase(ctx.contactId, wanted);
  if (pinned === wanted) return existing ?? openOwnCase(cases, ctx, linkedTo);
  if (pinned === OWN_CASE) return openOwnCase(cases, ctx, linkedTo);
  return {
    caseNumber: pinned,
    opened: false,
    existing: await cases.getCase(pinned),
    note: `continues ${pinned}, where it was first routed`,
  };
}
