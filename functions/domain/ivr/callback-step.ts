import type { Case } from '../case';
import { transition } from '../cases/transition';
import { toHandOff } from '../intake/hand-off';
import { contactIdOf } from '../intake/intake';
import { applyOncePerMessage } from '../replies/apply-once';
import type { IvrState } from './ivr-state';
import type { IvrCall, IvrDeps, IvrTurn } from './ivr-turn-types';
import { type IvrInput, keysOf } from './menus';
import { waitingStep } from './queue-steps';

/** What taking the callback did to the call's case. */
export type CallbackTaken =
  | { readonly recorded: true; readonly case: Case; readonly entryUpdated: boolean }
  | { readonly recorded: false; readonly why: string };

/**
 * The caller took the callback offered while waiting: the case records it as the agents' own call-back
 * does (the `callback` action, a `callback_requested` event naming the number), by the guest, once per
 * call. The case still waits, in its waiting entry: updated in place where it has one (the local queues:
 * its place and age kept), else started now (in AWS the call was the case's only work item, and it
 * leaves the queue), its summary saying whom to call. A failed hand-off is left pending on the contact
 * for the hand-off retry, so the case is never left waiting with no entry.
 */
export async function takeCallback(deps: IvrDeps, call: IvrCall, caseNumber: string): Promise<CallbackTaken> {
  const { cases, contactCenter, policy, clock } = deps.intake;
  if (!call.from) return { recorded: false, why: 'withheld number' };
  const contactId = contactIdOf({ channel: 'voice', channelMessageId: call.callId });
  const at = clock.now();
  const text = `call back ${call.from}: asked while waiting in the queue`;
  // One request per call: a door's request sent again finds its event and records nothing twice.
  const messageId = `${contactId}:callback`;
  const applied = await applyOncePerMessage(deps.intake, caseNumber, messageId, (kase) =>
    transition(kase, { type: 'callback', text, messageId }, 'guest', at, policy),
  );
  if (!applied.ok) return { recorded: false, why: applied.reason };
  const record = await cases.getContact(contactId);
  if (!record || applied.replay) return { recorded: true, case: applied.case, entryUpdated: false };
  const entry = toHandOff(record, applied.case);
  try {
    await contactCenter.handOff({
      ...entry,
      summary: `call back ${call.from} | ${entry.summary}`.slice(0, 300),
      reasons: [...entry.reasons, 'the caller took the callback: keeps the place in the queue'],
    });
    return { recorded: true, case: applied.case, entryUpdated: true };
  } catch (error) {
    await cases.markHandedOff(record.id, { ok: false, error: `callback: ${(error as Error).message}` });
    return { recorded: true, case: applied.case, entryUpdated: false };
  }
}

/**
 * The caller's key at the callback offer while queued (for a door whose own hold music makes the
 * offer). 1, when waitingStep offers the callback now (the one decision: shed, or waited long enough),
 * records it (takeCallback) and confirms, and the call leaves the queue (`next: 'callback'`); any other
 * key, or none, goes on waiting.
 */
export async function callbackStep(
  deps: IvrDeps,
  call: IvrCall,
  state: IvrState,
  input: IvrInput,
): Promise<IvrTurn> {
  const waiting = await waitingStep(deps, call, state);
  if (!waiting.offerCallback || keysOf(input) !== '1' || !state.caseNumber) return waiting;
  const taken = await takeCallback(deps, call, state.caseNumber);
  if (!taken.recorded) return waiting;
  return { next: 'callback', state, prompt: waiting.callbackConfirm ?? [], announce: [] };
}
