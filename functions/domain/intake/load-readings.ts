import type { ContactCenter } from '../ports';
import { compilePolicy } from '../routing/compile-policy';
import type { Staffing } from '../routing/decision';
import { anyQueueSheds, type WaitingCounts } from '../routing/shed';
import type { IntakeDeps } from './intake';

/** Agents per queue; an empty reading when the contact centre cannot say. */
export async function staffingOrUnknown(center: ContactCenter): Promise<Staffing> {
  // Staffing only refines routing; a contact centre that cannot say must not stop the intake.
  try {
    return await center.staffing();
  } catch {
    return {};
  }
}

/** Waiting cases per queue where a queue can shed; undefined otherwise or when unreadable. */
export async function waitingOrUnknown(deps: IntakeDeps): Promise<WaitingCounts | undefined> {
  // Read only where a queue can shed; a count that cannot be read sheds nothing rather than stop the intake.
  if (!deps.queueLoad || !anyQueueSheds(compilePolicy(deps.policy))) return undefined;
  try {
    return await deps.queueLoad.waitingCases();
  } catch {
    return undefined;
  }
}
