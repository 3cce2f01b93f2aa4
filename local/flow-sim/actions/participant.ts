// Blocks the caller hears or answers: Play prompt, Get/Store customer input, Disconnect.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CallState } from '../call-state';
import type { FlowAction } from '../flow-schema';
import { paramObject, paramString } from '../parameter-checks';
import { type ActionHandler, fail, next, result } from '../step';

const DEFAULT_INPUT_TIMEOUT_SECONDS = 5;
const DEFAULT_MAX_DIGITS = 20;

/** The words a prompt says: Text or SSML (tags dropped) with references filled in, or a named recorded prompt. */
export function promptText(action: FlowAction, state: CallState): string {
  const p = action.Parameters;
  if (typeof p.Text === 'string') return state.resolve(p.Text) ?? '';
  if (typeof p.SSML === 'string') {
    return (state.resolve(p.SSML) ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (typeof p.PromptId === 'string') return `[recorded prompt ${state.resolve(p.PromptId) ?? p.PromptId}]`;
  return '';
}

/** MessageParticipant: plays a prompt. */
export const messageParticipant: ActionHandler = async (action, { state, io, record }) => {
  const text = promptText(action, state);
  record({
    kind: 'say',
    actionId: action.Identifier,
    text,
    language: state.languageCode,
    voice: state.voice,
  });
  await io.say(text, state.languageCode, state.voice);
  return next();
};

/** DisconnectParticipant: hangs up. */
export const disconnectParticipant: ActionHandler = async () => ({
  kind: 'end',
  end: { kind: 'disconnect' },
});

/**
 * GetParticipantInput. StoreInput False: one key, matched against the conditions (no key = timeout).
 * StoreInput True: keys up to the terminator or MaximumLength, stored as $.StoredCustomerInput; no key
 * stores "Timeout" and goes on, as Connect's Store customer input block does.
 */
export const getParticipantInput: ActionHandler = async (action, { state, io, record }) => {
  const p = action.Parameters;
  const stored = p.StoreInput === 'True';
  const dtmf = paramObject(p, 'DTMFConfiguration');
  const validation = paramObject(p, 'InputValidation');
  const maxLength = Number(paramString(paramObject(validation, 'CustomValidation'), 'MaximumLength'));
  const options = {
    language: state.languageCode,
    voice: state.voice,
    kind: stored ? ('digits' as const) : ('menu' as const),
    maxDigits: stored ? (maxLength > 0 ? maxLength : DEFAULT_MAX_DIGITS) : 1,
    terminator: paramString(dtmf, 'InputTerminationSequence') ?? '#',
    timeoutSeconds: Number(paramString(p, 'InputTimeLimitSeconds') ?? DEFAULT_INPUT_TIMEOUT_SECONDS),
  };
  const prompt = promptText(action, state);
  const answer = await io.ask(prompt, options);
  record({
    kind: 'ask',
    actionId: action.Identifier,
    prompt,
    language: options.language,
    voice: options.voice,
    answer,
  });
  // A phone keypad sends only these keys; anything else typed at the terminal is not heard by Connect.
  let keys = (answer ?? '').replace(/[^0-9*#]/g, '');
  if (!stored) {
    const key = keys[0];
    return key === undefined
      ? fail('InputTimeLimitExceeded', `no key within ${options.timeoutSeconds} s`)
      : result(key);
  }
  const end = keys.indexOf(options.terminator);
  if (options.terminator && end >= 0) keys = keys.slice(0, end);
  if (paramString(dtmf, 'DisableCancelKey') !== 'True') keys = keys.slice(keys.lastIndexOf('*') + 1);
  keys = keys.slice(0, options.maxDigits);
  if (keys === '') {
    state.storedInput = 'Timeout';
    return next();
  }
  const phone = paramObject(validation, 'PhoneNumberValidation');
  if (validation.PhoneNumberValidation !== undefined) {
    const local = paramString(phone, 'NumberFormat') === 'Local';
    const country = paramString(phone, 'CountryCode');
    const parsed = local
      ? parsePhoneNumberFromString(keys, (country ?? 'US') as never)
      : parsePhoneNumberFromString(`+${keys}`);
    if (!parsed?.isValid()) return fail('InvalidPhoneNumber', `${keys} is not a valid phone number`);
    keys = parsed.number;
  }
  state.storedInput = keys;
  return next();
};
