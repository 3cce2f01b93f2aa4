export { callerOf, callQueuedByDoor, callSummary, decide, menuClassifier } from './decide';
export { type IvrState, stateFromMap, stateToMap } from './ivr-state';
export { announcement, ivrTurn, MAX_LANGUAGE_TRIES, MAX_PIN_TRIES, MAX_TRIES } from './ivr-turn';
export {
  type CallQueue,
  IVR_STEPS,
  type IvrCall,
  type IvrDeps,
  type IvrNext,
  type IvrStep,
  type IvrTurn,
  STEP_AFTER,
} from './ivr-turn-types';
export { type IvrInput, keysForSpeech, keysOf, LANGUAGE_KEYS, TOPIC_KEYS } from './menus';
export { type DialledLine, dialledLine, type PhoneLines } from './phone-lines';
export { type Prompt, PromptBook, type PromptPart, promptText, spelled } from './prompt';
export { canSpeak, pollyVoice, promptLanguage, twilioVoice, type VoicePlatform } from './voices';
