/**
 * Amazon Connect flow simulator: parse, validate and play flow-language JSON (Version 2019-10-30)
 * without a Connect instance.
 *
 * - `parseFlow(input)` / `safeParseFlow(input)`: input is JSON text, a raw value or the
 *   DescribeContactFlow wrapper; gives the flow, or every bad field with its path (`Actions[3].Type`).
 * - `validateFlow(input, {knownPlaceholders})` → `FlowProblem[]`: transitions to missing actions,
 *   unreachable actions, missing/unexpected conditions and error branches per action type, bad
 *   parameters, > 250 actions, unknown `%Placeholder%`s, action types the simulator does not play,
 *   `TransferContactToQueue` without a NextAction, and action types Connect does not allow in the flow's
 *   type (`flowType`, or the type the document declares; `flowTypeOfName` gives it for our file names).
 * - `simulateCall(flow, env, io, start)` → `CallResult`: plays one call. `env` is the outside world
 *   (Lambda, hours, staffing, other flows, placeholders, clock), `io` the caller (`say`, `ask`), `start`
 *   the dialled number and caller id. The result says how the call ended (queue ARN + priority,
 *   disconnect, end of flow, or an error naming the action) with attributes, language, voice,
 *   transcript and trace.
 */
export { SUPPORTED_ACTION_TYPES } from './action-specs';
export { MAX_LAMBDA_RESPONSE_BYTES } from './actions/lambda';
export { DEFAULT_PRIORITY, DEFAULT_VOICE } from './call-state';
export { SUPPORTED_OPERATORS } from './conditions';
export { FLOW_LANGUAGE_VERSION, type Flow, type FlowAction, MAX_FLOW_ACTIONS } from './flow-schema';
export {
  ACTION_FLOW_TYPES,
  declaredFlowType,
  FLOW_TYPES,
  type FlowType,
  flowTypeOfName,
} from './flow-types';
export { flowFiles, PLACEHOLDERS_FILE, readPlaceholderNames } from './load-flows';
export {
  FlowParseError,
  type FlowParseIssue,
  type FlowParseResult,
  parseFlow,
  safeParseFlow,
} from './parse-flow';
export { SUPPORTED_REFERENCE_ROOTS } from './references';
export { simulateCall } from './simulate-call';
export type {
  AskOptions,
  CallbackRequest,
  CallEnd,
  CallerIo,
  CallResult,
  CallStart,
  FlowEnvironment,
  FlowLambdaEvent,
  TraceStep,
  TranscriptEntry,
} from './types';
export { type FlowProblem, type FlowProblemCode, type ValidateOptions, validateFlow } from './validate-flow';
