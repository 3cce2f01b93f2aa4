import { fill } from '../i18n/catalogue';
import { IVR_PROMPTS, type IvrPromptSet, NO_VOICE_NOTICE } from '../i18n/ivr-prompts';
import { type AnsweringTeam, responseSentence } from '../i18n/replies';
import { waitPhrase } from '../i18n/wait';
import type { Language } from '../languages';
import { canSpeak, promptLanguage, type VoicePlatform } from './voices';

/** One sentence and the language it must be spoken in. */
export interface PromptPart {
  readonly text: string;
  readonly language: Language;
}

/** What the IVR says at one point: sentences, each with its language (Twilio sets it per <Say>). */
export type Prompt = readonly PromptPart[];

/** Builds prompts for one caller: the caller's language, or English where the platform has no voice. */
export class PromptBook {
  readonly spoken: Language;
  private readonly set: IvrPromptSet;

  constructor(
    readonly language: Language,
    readonly platform: VoicePlatform,
  ) {
    this.spoken = promptLanguage(language, platform);
    this.set = IVR_PROMPTS[this.spoken];
  }

  /** One catalogue sentence, filled in. */
  say(key: Exclude<keyof IvrPromptSet, 'name'>, values: Record<string, string | number> = {}): PromptPart {
    return { text: fill(this.set[key], values), language: this.spoken };
  }

  /**
   * The expected wait, in hours and minutes; when the caller's language team is away and another
   * language's team answers, the same sentence the written replies use says so.
   */
  wait(minutes: number, routing?: AnsweringTeam): PromptPart {
    const away = routing?.teamAway;
    if (away && away.language !== routing.language)
      return this.raw(responseSentence(this.spoken, minutes, routing));
    return this.say('wait', { wait: waitPhrase(this.spoken, minutes) });
  }

  /** Free text already in the caller's language (e.g. a booking status from the reply catalogue). */
  raw(text: string): PromptPart {
    return { text, language: this.spoken };
  }

  /** The "no voice for your language" notice, when it applies (said in English). */
  noVoiceNotice(): Prompt {
    if (canSpeak(this.language, this.platform)) return [];
    return [{ text: fill(NO_VOICE_NOTICE, { language: IVR_PROMPTS[this.language].name }), language: 'en' }];
  }
}

/** The prompt as one string for Connect's Text parameter (Chinese sentences take no space between). */
export function promptText(prompt: Prompt): string {
  let out = '';
  for (const part of prompt) {
    if (!part.text) continue;
    const joiner = out === '' || (part.language === 'zh' && /[。！？]$/.test(out)) ? '' : ' ';
    out += joiner + part.text;
  }
  return out;
}

/** Digits spaced so text-to-speech reads them one by one ("1 0 0 0…", "C R 7 K…"). */
export function spelled(value: string): string {
  return value.replace(/[-\s]/g, '').split('').join(' ');
}
