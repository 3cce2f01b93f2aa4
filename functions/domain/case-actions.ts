import type { Case } from './case';
import { NotFoundError } from './errors';
import type { CaseStore } from './ports';

/**
 * Records that an agent answered a case. Only the first answer counts as the first response, which
 * is what response-time targets are measured against.
 */
export async function recordFirstResponse(cases: CaseStore, caseNumber: string, at: string): Promise<Case> {
  const kase = await cases.getCase(caseNumber);
  if (!kase) throw new NotFoundError('case', caseNumber);
  if (!kase.timeline.some((e) => e.type === 'first_response')) {
    await cases.appendToCase(caseNumber, { type: 'first_response', at }, {});
  }
  return (await cases.getCase(caseNumber)) ?? kase;
}
