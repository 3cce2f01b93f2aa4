import type { Case, CaseEvent } from './case';

/** Port: a case read and written whole by its lifecycle (functions/domain/cases/apply-action.ts). */
export interface CaseLifecycleStore {
  getCase(caseNumber: string): Promise<Case | undefined>;
  /**
   * Writes the case after a transition and appends its events, only if the stored case was last updated
   * at `expectedUpdatedAt` (nobody moved it since it was read); "conflict" otherwise, nothing written.
   */
  saveCase(
    next: Case,
    expectedUpdatedAt: string,
    events: readonly CaseEvent[],
  ): Promise<'saved' | 'conflict'>;
}
