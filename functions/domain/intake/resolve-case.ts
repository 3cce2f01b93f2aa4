import { type Case, findCaseNumber } from '../case';
import type { Classification } from '../classification';
import type { Contact } from '../contact';
import { DependencyError } from '../errors';
import type { CaseStore } from '../ports';
import type { RoutingDecision } from '../routing/decision';
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

/** What resolving a case needs to know about the contact. */
export interface CaseContext {
  readonly contact: Contact;
  readonly contactId: string;
  readonly ownerKey: string;
  readonly customerId?: string | undefined;
  readonly bookingRef?: string | undefined;
  readonly classification: Classification;
  readonly decision: RoutingDecision;
  readonly now: string;
  /** Whether the contact's answer is certain to go out, so a new case's timeline opens with it. */
  readonly acknowledged: boolean;
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

async function quotedCase(cases: CaseStore, ctx: CaseContext): Promise<CaseResolution | undefined> {
  const { contact } = ctx;
  const quoted =
    contact.threadHints?.caseNumber ??
    findCaseNumber(`${contact.subject ?? ''} ${contact.text.slice(0, 2000)}`);
  if (!quoted) return undefined;
  const found = await cases.getCase(quoted);
  // A quoted number is only a hint: someone else's case number must never pull a message onto that case.
  if (!found || found.ownerKey !== ctx.ownerKey) return undefined;
  if (found.status !== 'open') return undefined;
  return {
    caseNumber: found.caseNumber,
    opened: false,
    existing: found,
    note: `quoted case ${found.caseNumber}`,
  };
}

async function candidateCase(
  cases: CaseStore,
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
    if (found.status !== 'open' && !candidate.anyStatus) continue;
    return {
      caseNumber: found.caseNumber,
      opened: false,
      existing: found,
      note: `${candidate.source}: ${found.caseNumber}`,
    };
  }
  return undefined;
}

function newCase(ctx: CaseContext, caseNumber: string): Case {
  const timeline: Case['timeline'] = [
    { type: 'opened', at: ctx.now, channel: ctx.contact.channel },
    ...(ctx.acknowledged
      ? [{ type: 'acknowledged' as const, at: ctx.now, channel: ctx.contact.channel }]
      : []),
  ];
  return {
    caseNumber,
    status: 'open',
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

async function openCase(cases: CaseStore, ctx: CaseContext): Promise<string> {
  for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt++) {
    const caseNumber = caseNumberFor(ctx.contactId, attempt);
    const outcome = await cases.createCase(newCase(ctx, caseNumber), ctx.contactId);
    if (outcome !== 'taken') return caseNumber;
  }
  throw new DependencyError('case-store', `no free case number after ${MAX_NUMBER_ATTEMPTS} attempts`);
}

// What a contact's pin says when it opens a case of its own rather than continuing one.
const OWN_CASE = 'own';

async function findCase(cases: CaseStore, ctx: CaseContext): Promise<CaseResolution | undefined> {
  const quoted = ctx.thread ? await candidateCase(cases, ctx, ctx.thread) : await quotedCase(cases, ctx);
  if (quoted) return quoted;
  const open = await cases.findOpenCase(ctx.ownerKey, ctx.bookingRef);
  return open ? { caseNumber: open.caseNumber, opened: false, existing: open } : undefined;
}

async function openOwnCase(cases: CaseStore, ctx: CaseContext): Promise<CaseResolution> {
  // Case numbers derive from the contact id, so a retry finds the case its first attempt created.
  const mine = await openCase(cases, ctx);
  const holder = await cases.claimOpenCase(ctx.ownerKey, ctx.bookingRef, mine);
  if (holder === mine) return { caseNumber: mine, opened: true };
  await cases.resolveCase(mine, ctx.now);
  return {
    caseNumber: holder,
    opened: false,
    existing: await cases.getCase(holder),
    note: `merged into ${holder}`,
  };
}

/**
 * Continues the sender's open case (quoted case number first, or the door's thread candidates in their
 * order, then the open case about the same booking) or opens one. Two messages racing to open a case
 * end on the same one: the loser's case is resolved at once as merged. A retry after a crash goes where
 * the first attempt went (its pin), so no case counts the contact twice.
 */
export async function resolveCase(cases: CaseStore, ctx: CaseContext): Promise<CaseResolution> {
  const found = await findCase(cases, ctx);
  const wanted = found?.caseNumber ?? OWN_CASE;
  const pinned = await cases.pinContactCase(ctx.contactId, wanted);
  if (pinned === wanted) return found ?? openOwnCase(cases, ctx);
  if (pinned === OWN_CASE) return openOwnCase(cases, ctx);
  return {
    caseNumber: pinned,
    opened: false,
    existing: await cases.getCase(pinned),
    note: `continues ${pinned}, where it was first routed`,
  };
}
