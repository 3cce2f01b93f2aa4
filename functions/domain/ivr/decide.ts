import type { Classifier } from '../classification';
import type { Contact } from '../contact';
import { type IntakeDeps, intake } from '../intake/intake';
import { isVerified } from '../intake/standing';
import type { Identification } from '../intake/verify';
import type { ContactCenter, ContactRecord } from '../ports';
import type { IvrState } from './ivr-state';
import type { IvrCall, IvrDeps } from './ivr-turn-types';

const URGENT_CHOICES = new Set(['arrival_problem', 'emergency']);

/** The classifier as the IVR menus answered it: the chosen language and topic are certain. */
export function menuClassifier(base: Classifier, state: IvrState): Classifier {
  return {
    classify(input) {
      const c = base.classify(input);
      const topic = state.topic ?? c.topic;
      return {
        ...c,
        language: state.language,
        confidence: 1,
        topic,
        // A topic the caller chose is certain: never "unsure" however the summary text reads.
        topicConfidence: state.topic ? 1 : c.topicConfidence,
        // The synthetic call text means nothing to urgency; a spoken sentence (same topic) does.
        urgent: URGENT_CHOICES.has(topic) || (c.topic === topic && c.urgent),
      };
    },
  };
}

/** The contact centre while the IVR decides: the call itself is the work item, queued later by the door. */
export function callQueuedByDoor(center: ContactCenter): ContactCenter {
  return {
    handOff: async (handOff) => ({ externalId: `call:${handOff.contactId}` }),
    staffing: () => center.staffing(),
    withdraw: (caseNumber) => center.withdraw(caseNumber),
  };
}

/** The call as text for the intake: the menu's topic, the loyalty line, what the caller said. */
export function callSummary(state: IvrState): string {
  const topic = state.topic ?? 'general';
  const said = state.callerSaid ? ` — caller said: "${state.callerSaid}"` : '';
  const line =
    state.lineType === 'loyalty' && state.assumedTier ? ` (loyalty line: ${state.assumedTier} assumed)` : '';
  return `Phone call, IVR topic ${topic}${line}${said}`;
}

/** The caller as the intake keys them: a withheld number is one anonymous sender per call. */
export function callerOf(call: IvrCall): string {
  return call.from ?? `anonymous:${call.callId}`;
}

/**
 * Runs the one intake for this call (once per call id: a retried step gets the same record back) and
 * puts its decision into the IVR state. `identified` is what the PIN step established: the intake
 * takes it as is instead of checking the PIN a second time.
 */
export async function decide(
  deps: IvrDeps,
  call: IvrCall,
  state: IvrState,
  identified?: Identification,
): Promise<{ state: IvrState; record: ContactRecord }> {
  const base: IntakeDeps = deps.intake;
  const pinVerified = identified?.verification === 'pin';
  const assume = state.assumedTier && !pinVerified ? state.assumedTier : undefined;
  const contact: Contact = {
    channel: 'voice',
    channelMessageId: call.callId,
    from: callerOf(call),
    to: call.to,
    text: callSummary(state),
    languageHint: state.language,
    bookingRef: state.bookingRef,
    assumedTier: assume,
    receivedAt: base.clock.now().toISOString(),
  };
  const { record, plan } = await intake(
    {
      ...base,
      classifier: menuClassifier(base.classifier, state),
      contactCenter: callQueuedByDoor(base.contactCenter),
    },
    contact,
    { identified },
  );
  // The prompt that follows says the case number: the call's answer, recorded like any other.
  if ('message' in plan) await deps.deliver(plan.message);
  const d = record.decision;
  return {
    record,
    state: {
      ...state,
      attempts: 0,
      caseNumber: record.caseNumber,
      queue: d.queue,
      priority: d.priority,
      verified: isVerified(record.verification),
      expectedMinutes: d.expectedResponseMinutes,
      shed: d.shed !== undefined,
    },
  };
}
