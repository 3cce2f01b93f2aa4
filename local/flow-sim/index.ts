/**
 * Amazon Connect flow simulator: parse, validate and play flow-language JSON (Version 2019-10-30)
 * without a Connect instance.
 *
 * - `parseFlow(json)` / `safeParseFlow(json)`: the flow, or every bad field with its path.
 * - `validateFlow(flow, {knownPlaceholders})`: static problems (targets, reachability, required branches,
 *   ≤ 250 actions, placeholders, unsupported action types).
 * - `simulateCall(flow, env, io, start)`: plays one call and returns how it ended plus its transcript.
 */
export { FLOW_LANGUAGE_VERSION, type Flow, type FlowAction, MAX_FLOW_ACTIONS } from './flow-schema';
export {
  FlowParseError,
  type FlowParseIssue,
  type FlowParseResult,
  parseFlow,
  safeParseFlow,
} from './parse-flow';
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
