// Blocks that change the contact: attributes, language, voice, working queue, priority, hooks, callback number.
import { isStringMap, paramObject, paramString } from '../parameter-checks';
import { type ActionHandler, FlowDefectError, fail, next } from '../step';

/** UpdateContactAttributes: all or nothing; a value whose reference has no value takes the error branch. */
export const updateContactAttributes: ActionHandler = async (action, { state }) => {
  const attributes = action.Parameters.Attributes;
  if (!isStringMap(attributes)) return fail('NoMatchingError', 'Attributes is not an object of strings');
  const updates: Record<string, string> = {};
  for (const [rawKey, rawValue] of Object.entries(attributes)) {
    const key = state.resolve(rawKey);
    const value = state.resolve(rawValue);
    if (!key) return fail('NoMatchingError', `attribute name ${rawKey} has no value`);
    if (value === undefined)
      return fail('NoMatchingError', `${rawValue} has no value (for attribute ${key})`);
    updates[key] = value;
  }
  Object.assign(state.attributes, updates);
  return next();
};

/** UpdateFlowAttributes: attributes readable as $.FlowAttributes.x until the flow changes. */
export const updateFlowAttributes: ActionHandler = async (action, { state }) => {
  for (const [key, entry] of Object.entries(paramObject(action.Parameters, 'FlowAttributes'))) {
    const value =
      typeof entry === 'object' && entry !== null ? (entry as { Value?: unknown }).Value : undefined;
    state.flowAttributes[key] = state.resolve(value) ?? '';
  }
  return next();
};

/** UpdateContactData: the simulator acts on LanguageCode; other fields are accepted and ignored. */
export const updateContactData: ActionHandler = async (action, { state }) => {
  const raw = action.Parameters.LanguageCode;
  if (raw === undefined) return next();
  const code = state.resolve(raw);
  if (!code || !/^[a-z]{2,3}-[A-Z]{2,3}$/.test(code))
    return fail('NoMatchingError', `${String(code)} is not a language code`);
  state.languageCode = code;
  return next();
};

/** UpdateContactTextToSpeechVoice: the Polly voice of later prompts. */
export const updateVoice: ActionHandler = async (action, { state }) => {
  const voice = state.resolve(action.Parameters.TextToSpeechVoice);
  if (!voice) return fail('NoMatchingError', 'TextToSpeechVoice has no value');
  state.voice = voice;
  return next();
};

/** UpdateContactTargetQueue: the working queue that later checks and TransferContactToQueue use. */
export const updateTargetQueue: ActionHandler = async (action, { state }) => {
  const queue = state.resolve(action.Parameters.QueueId);
  if (!queue) return fail('NoMatchingError', `QueueId ${String(action.Parameters.QueueId)} has no value`);
  state.setQueue(queue);
  return next();
};

/** UpdateContactRoutingBehavior: QueuePriority (static, lower is served first); time adjustment is ignored. */
export const updateRoutingBehavior: ActionHandler = async (action, { state }) => {
  const priority = paramString(action.Parameters, 'QueuePriority');
  if (priority !== undefined) {
    const n = Number(priority);
    if (!Number.isInteger(n) || n < 1)
      throw new FlowDefectError(`QueuePriority ${priority} is not a whole number ≥ 1`);
    state.priority = n;
  }
  return next();
};

/** UpdateContactEventHooks: remembers the hooked flows (e.g. CustomerQueue) for the result. */
export const updateEventHooks: ActionHandler = async (action, { state }) => {
  for (const [hook, flow] of Object.entries(paramObject(action.Parameters, 'EventHooks'))) {
    const arn = state.resolve(flow);
    if (!arn) return fail('NoMatchingError', `${hook} flow has no value`);
    state.eventHooks[hook] = arn;
  }
  return next();
};

/** UpdateContactCallbackNumber: the number CreateCallbackContact will call; must be E.164. */
export const updateCallbackNumber: ActionHandler = async (action, { state }) => {
  const number = state.resolve(action.Parameters.CallbackNumber);
  if (!number || !/^\+[1-9]\d{6,14}$/.test(number)) {
    return fail('InvalidCallbackNumber', `${String(number)} is not an E.164 number`);
  }
  state.callbackNumber = number;
  return next();
};

/** Logging and recording only matter on a real instance. */
export const noEffect: ActionHandler = async () => next();
