import type { Channel } from '../contact';
import { DependencyError } from '../errors';
import type { CaseRecords } from '../store-ports';

/**
 * Puts "acknowledged" on a case's timeline once its answer is on its way (an SMS the rate limit let
 * through, a sent acknowledgement email), so agents never read "acknowledged" for an answer that was
 * held back. The answer is already decided, so a store that cannot be reached costs the timeline
 * entry, not the answer: its failure is returned for the log rather than thrown.
 */
export async function noteAcknowledged(
  cases: Pick<CaseRecords, 'appendToCase'>,
  caseNumber: string,
  channel: Channel,
  at: string,
): Promise<string | undefined> {
  try {
    await cases.appendToCase(caseNumber, { type: 'acknowledged', at, channel }, {});
    return undefined;
  } catch (error) {
    if (error instanceof DependencyError) return `timeline not updated: ${error.message}`;
    throw error;
  }
}
