import type { Classifier, Topic } from '../classification';
import { IVR_PROMPTS } from '../i18n/ivr-prompts';
import { LANGUAGES, type Language } from '../languages';
import type { IvrNext } from './ivr-turn-types';
import { type Prompt, PromptBook, type PromptPart, promptText } from './prompt';

/** Language menu keys: 1 en … 9 ru, 0 id (the policy's order). */
export const LANGUAGE_KEYS: Readonly<Record<string, Language>> = Object.fromEntries(
  LANGUAGES.map((language, i) => [String((i + 1) % 10), language]),
);

/** Topic menu keys; 9 is the emergency option. */
export const TOPIC_KEYS: Readonly<Record<string, Topic>> = {
  '1': 'change_booking',
  '2': 'cancel_booking',
  '3': 'refund',
  '4': 'arrival_problem',
  '5': 'general',
  '9': 'emergency',
};

/** An answer to a question: keys typed, or a sentence said (speech recognition or typed at the terminal). */
export interface IvrInput {
  readonly digits?: string | undefined;
  readonly speech?: string | undefined;
  /** The "queued" step only: whether the flow queued the call in its team's queue or fell back. */
  readonly queuedVia?: 'team' | 'fallback' | undefined;
}

/** Keys typed, without terminator; undefined when nothing was typed (Connect stores "Timeout"). */
export function keysOf(input: IvrInput): string | undefined {
  const raw = input.digits?.trim();
  if (!raw || raw === 'Timeout') return undefined;
  const keys = raw.replace(/[^0-9*]/g, '');
  return keys === '' ? undefined : keys;
}

/**
 * The language menu: stay in the current language, or press the key of another, each option its own part
 * in its own language (one part per language, always: a door may give each part its own voice). `before`
 * (e.g. "that is not an option") is said in the caller's language, joined to the first part.
 */
export function languageMenu(language: Language, book: PromptBook, before?: PromptPart): Prompt {
  const options = LANGUAGES.map((l, i) => [String((i + 1) % 10), l] as const)
    .filter(([, l]) => l !== language)
    .map(([digit, l]) => {
      const own = new PromptBook(l, book.platform);
      // Without a voice for it, the option is read in English, naming the language as it names itself.
      return own.spoken === l
        ? own.say('languageOption', { digit })
        : { text: `For ${IVR_PROMPTS[l].name}, press ${digit}.`, language: own.spoken };
    });
  const stay =
    book.spoken === language
      ? book.say('languageStay')
      : { text: `To continue in ${IVR_PROMPTS[language].name}, stay on the line.`, language: book.spoken };
  const first = before ? { text: promptText([before, stay]), language: stay.language } : stay;
  return [first, ...options];
}

/** The topic menu, with the speech hint where the door listens to speech. */
export function topicMenu(book: PromptBook, listensToSpeech: boolean): Prompt {
  return [book.say('topicMenu'), ...(listensToSpeech ? [book.say('topicSpeech')] : [])];
}

/**
 * What a sentence means at a question, as the keys a caller would have pressed (the local call
 * terminal's stand-in for a speech bot on DTMF-only Connect flows). Undefined when it means nothing there.
 */
export function keysForSpeech(
  next: IvrNext,
  sentence: string,
  classifier: Classifier,
  language: Language,
): string | undefined {
  const text = sentence.trim();
  if (!text) return undefined;
  if (next === 'language-menu') {
    const detected = classifier.classify({ text, channel: 'voice' }).language;
    return Object.entries(LANGUAGE_KEYS).find(([, l]) => l === detected)?.[0];
  }
  if (next === 'topic-menu') {
    const { topic } = classifier.classify({ text, channel: 'voice', languageHint: language });
    const key = Object.entries(TOPIC_KEYS).find(([, t]) => t === topic)?.[0];
    return key ?? (topic === 'payment' ? '3' : '5');
  }
  if (next === 'status') return /^(yes|oui|ja|s[ií]|sim|是|да|ya)\b/i.test(text) ? '1' : undefined;
  const digits = text.replace(/\D/g, '');
  return digits === '' ? undefined : next === 'booking' ? `${digits}#` : digits;
}
