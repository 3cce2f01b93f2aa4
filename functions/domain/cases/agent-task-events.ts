import type { CaseAction } from './lifecycle-rules';
import type { CaseActor } from './lifecycle-types';

/**
 * What the contact centre reports about the work item carrying a case (an Amazon Connect task, a
 * TaskRouter task), in our words. Adapters translate their events into these; one mapping below
 * decides what each does to the case, for every contact centre.
 */
export type AgentTaskEvent =
  | { readonly kind: 'agent_connected'; readonly agentId: string }
  | {
      readonly kind: 'task_finished';
      /** The agent who worked it; none when it ended unanswered (withdrawn, expired). */
      readonly agentId?: string | undefined;
      /** What the agent said the case is now (the task's `caseOutcome`); none means resolved. */
      readonly outcome?: string | undefined;
    };

/** Outcomes an agent may leave on a finished task. */
export const CASE_OUTCOMES = ['resolved', 'pending_guest'] as const;

/** A case outcome an agent may set. */
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The case action an event calls for, or why it calls for none. */
export type AgentTaskMove =
  | { readonly move: true; readonly action: CaseAction; readonly who: CaseActor; readonly warning?: string }
  | { readonly move: false; readonly why: string };

/**
 * The case action for a contact-centre event: an agent connected takes the case (first response);
 * a finished task resolves it unless the agent left `pending_guest`; a task that ended without an
 * agent moves nothing (the case still waits; its next hand-off starts a new task).
 */
export function caseMoveFor(event: AgentTaskEvent): AgentTaskMove {
  if (event.kind === 'agent_connected')
    return { move: true, action: { type: 'connect' }, who: { kind: 'agent', id: event.agentId } };
  if (!event.agentId) return { move: false, why: 'task ended without an agent' };
  const who: CaseActor = { kind: 'agent', id: event.agentId };
  const outcome = event.outcome?.trim().toLowerCase();
  if (outcome === 'pending_guest') return { move: true, action: { type: 'pending' }, who };
  if (!outcome || outcome === 'resolved') return { move: true, action: { type: 'resolve' }, who };
  // An outcome we do not know (a typo in a flow) must not leave the case with an agent who left:
  // resolving is what "done" means, and the warning names the value so it can be fixed.
  return {
    move: true,
    action: { type: 'resolve' },
    who,
    warning: `unknown caseOutcome "${event.outcome}" read as resolved (known: ${CASE_OUTCOMES.join(', ')})`,
  };
}
