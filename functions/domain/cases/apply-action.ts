import type { Case } from '../case';
import { DependencyError } from '../errors';
import type { ContactCenter } from '../ports';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { CaseLifecycleStore } from '../store-ports';
import type { CaseAction, Refusal } from './lifecycle-rules';
import type { CaseActor } from './lifecycle-types';
import { transition } from './transition';

/** What applying an action needs: the cases, the waiting entries to withdraw, the policy. */
export interface ApplyActionDeps {
  readonly cases: CaseLifecycleStore;
  readonly center: Pick<ContactCenter, 'withdraw'>;
  readonly policy: RoutingPolicy;
}

/** The outcome of an action on a stored case: the case after it, a refusal, or no such case. */
export type ApplyActionResult =
  | { readonly ok: true; readonly case: Case }
  | Refusal
  | { readonly ok: false; readonly reason: 'not_found'; readonly caseNumber: string };

// Two writers on one case (an agent and a guest's message) resolve in a few rounds; more means a bug.
const MAX_ROUNDS = 10;

/**
 * Applies one lifecycle action to a stored case: reads it, runs transition(), saves it only if nobody
 * changed it meanwhile (else reads again and retries), and withdraws its waiting entry once it is
 * resolved or merged, so no agent is handed a settled case.
 */
export async function applyCaseAction(
  deps: ApplyActionDeps,
  caseNumber: string,
  action: CaseAction,
  who: CaseActor,
  at: Date,
): Promise<ApplyActionResult> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const kase = await deps.cases.getCase(caseNumber);
    if (!kase) return { ok: false, reason: 'not_found', caseNumber };
    const moved = transition(kase, action, who, at, deps.policy);
    if (!moved.ok) return moved;
    if ((await deps.cases.saveCase(moved.case, kase.updatedAt, moved.events)) === 'conflict') continue;
    if (moved.case.status === 'resolved' || moved.case.status === 'merged')
      await deps.center.withdraw(caseNumber);
    const saved = { ...moved.case, revision: (kase.revision ?? 0) + 1 };
    return { ok: true, case: { ...saved, timeline: [...kase.timeline, ...moved.events] } };
  }
  throw new DependencyError(
    'case-store',
    `case ${caseNumber} kept changing while ${action.type} was applied`,
  );
}
