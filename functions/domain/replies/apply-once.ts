import type { Case } from '../case';
import type { ApplyActionDeps, ApplyActionResult } from '../cases/apply-action';
import type { Refusal, Transitioned } from '../cases/lifecycle-rules';
import { DependencyError } from '../errors';

// Two writers on one case resolve in a few rounds (as applyCaseAction).
const MAX_ROUNDS = 10;

/** An action applied once per message id: `replay` when the case already carries that message. */
export type AppliedOnce =
  | (ApplyActionResult & { readonly replay?: undefined })
  | {
      readonly ok: true;
      readonly case: Case;
      readonly replay: true;
    };

/**
 * Applies a change about one message to the guest (a reply, a call-back request, a survey) at most once
 * per message id: each round reads the case, stops if its timeline already names the message, and saves
 * `move`'s result only over the revision it read, so two requests with one Idempotency-Key leave one event.
 */
export async function applyOncePerMessage(
  deps: Pick<ApplyActionDeps, 'cases'>,
  caseNumber: string,
  messageId: string,
  move: (kase: Case) => Transitioned<Case> | Refusal,
): Promise<AppliedOnce> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const kase = await deps.cases.getCase(caseNumber);
    if (!kase) return { ok: false, reason: 'not_found', caseNumber };
    if (kase.timeline.some((e) => e.messageId === messageId)) return { ok: true, case: kase, replay: true };
    const moved = move(kase);
    if (!moved.ok) return moved;
    if ((await deps.cases.saveCase(moved.case, kase.updatedAt, moved.events)) === 'conflict') continue;
    const saved = { ...moved.case, revision: (kase.revision ?? 0) + 1 };
    return { ok: true, case: { ...saved, timeline: [...kase.timeline, ...moved.events] } };
  }
  throw new DependencyError('case-store', `case ${caseNumber} kept changing while ${messageId} was recorded`);
}
