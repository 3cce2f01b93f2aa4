// The contract between the interpreter loop and the action handlers.
import type { CallState } from './call-state';
import type { Flow, FlowAction } from './flow-schema';
import type { CallEnd, CallerIo, FlowEnvironment, TranscriptEntry } from './types';

/** What running one action produced, from which the loop picks the branch. */
export type StepOutcome =
  | { kind: 'next' }
  | { kind: 'result'; value: string | undefined }
  | { kind: 'error'; errorType: string; reason: string }
  | { kind: 'end'; end: CallEnd }
  | { kind: 'flow'; flow: Flow; name: string };

/** What a handler may use: the contact, the outside world, the caller and the transcript. */
export interface StepContext {
  state: CallState;
  env: FlowEnvironment;
  io: CallerIo;
  flowName: string;
  record(entry: TranscriptEntry): void;
  /** How many times a Loop action has run in this call, keyed per flow and action. */
  loopCounters: Map<string, number>;
}

/** Runs one action of a given type. */
export type ActionHandler = (action: FlowAction, ctx: StepContext) => Promise<StepOutcome>;

/** Shorthand outcomes. */
export const next = (): StepOutcome => ({ kind: 'next' });
export const result = (value: string | undefined): StepOutcome => ({ kind: 'result', value });
export const fail = (errorType: string, reason: string): StepOutcome => ({
  kind: 'error',
  errorType,
  reason,
});

/** Thrown by a handler for a mistake in the flow itself (no branch applies); the call ends in an error. */
export class FlowDefectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowDefectError';
  }
}
