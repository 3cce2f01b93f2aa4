import { contactIdOf } from '../intake/intake';
import type { ContactRecord } from '../ports';
import type { RoutingPolicy } from '../routing/policy-schema';
import { decide } from './decide';
import type { IvrState } from './ivr-state';
import type { IvrCall, IvrDeps, IvrTurn } from './ivr-turn-types';
import type { IvrInput } from './menus';
import { PromptBook, spelled } from './prompt';

function responseMinutes(policy: RoutingPolicy, queue: string, priority: number): number | undefined {
  const key = String(priority) as '1' | '2' | '3' | '4' | '5';
  return policy.queues[queue]?.firstResponseMinutes?.[key] ?? policy.firstResponseMinutes[key];
}

// The flow's own guard (Connect hours, staffing, a full queue) can overrule the intake's choice.
function movedTo(record: ContactRecord, queue: string, policy: RoutingPolicy): ContactRecord {
  const d = record.decision;
  if (d.queue === queue) return record;
  return {
    ...record,
    decision: {
      ...d,
      queue,
      language: policy.queues[queue]?.language ?? d.language,
      fallbackUsed: true,
      expectedResponseMinutes: responseMinutes(policy, queue, d.priority) ?? d.expectedResponseMinutes,
      reasons: [...d.reasons, `${d.queue} closed, unstaffed or full in the contact centre → ${queue}`],
    },
  };
}

/**
 * The flow has put the call in a queue (its team's, or the fallback after its own checks). Records
 * when, decides first if no step could (an earlier Lambda failure), and, where the IVR must queue the
 * call itself (local runtime), puts the recorded contact in that queue.
 */
export async function queuedStep(
  deps: IvrDeps,
  call: IvrCall,
  state: IvrState,
  input: IvrInput,
): Promise<IvrTurn> {
  const { policy, clock, cases } = deps.intake;
  let current = state;
  let record: ContactRecord | undefined;
  if (!current.caseNumber) ({ state: current, record } = await decide(deps, call, current));
  const queue =
    input.queuedVia === 'fallback' ? policy.fallbackQueue : (current.queue ?? policy.fallbackQueue);
  if (deps.callQueue) {
    record ??= await cases.getContact(contactIdOf({ channel: 'voice', channelMessageId: call.callId }));
    if (record) await deps.callQueue.enqueue(movedTo(record, queue, policy), queue);
  }
  const expectedMinutes =
    queue === current.queue ? current.expectedMinutes : responseMinutes(policy, queue, current.priority ?? 5);
  // Shedding was decided for the decision's queue; a call the flow moved elsewhere is not shed there.
  const shed = queue === current.queue ? current.shed : false;
  const next: IvrState = { ...current, queue, expectedMinutes, shed, queuedAt: clock.now().toISOString() };
  return { next: 'queued', state: next, prompt: [], announce: [] };
}

/**
 * In the queue: the caller's place and expected wait, and whether to offer a callback yet: after
 * callbackOfferAfterSeconds, or at once when the decision shed the call (docs/load-shedding.md).
 */
export async function waitingStep(deps: IvrDeps, call: IvrCall, state: IvrState): Promise<IvrTurn> {
  const book = new PromptBook(state.language, deps.platform);
  const now = deps.intake.clock.now().getTime();
  const since = state.queuedAt ? Date.parse(state.queuedAt) : Number.NaN;
  const waitedSeconds = Number.isNaN(since) ? 0 : Math.max(0, (now - since) / 1000);
  const contactId = contactIdOf({ channel: 'voice', channelMessageId: call.callId });
  const position =
    state.queue && deps.callQueue?.position
      ? await deps.callQueue.position(state.queue, contactId)
      : undefined;
  const left =
    state.expectedMinutes === undefined ? undefined : Math.ceil(state.expectedMinutes - waitedSeconds / 60);
  const prompt = [
    ...(position ? [book.say('position', { n: position })] : []),
    left !== undefined && left > 1 ? book.wait(left) : book.say('waitSoon'),
  ];
  const digits = call.from ? spelled(call.from.replace(/\D/g, '').slice(-4)) : '';
  return {
    next: 'waiting',
    state,
    prompt,
    announce: [],
    // A shed call (its queue over the load-shedding threshold) is offered the callback at once.
    offerCallback:
      call.from !== null && (state.shed === true || waitedSeconds >= deps.lines.callbackOfferAfterSeconds),
    callbackPrompt: [book.say(state.shed ? 'callbackOfferBusy' : 'callbackOffer')],
    callbackConfirm: [book.say('callbackConfirm', { digits })],
  };
}
