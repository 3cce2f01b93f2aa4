import type { Language } from '../languages';

/** Which voice platform speaks the prompts: they differ in the languages they can say. */
export type VoicePlatform = 'connect' | 'twilio';

/** An Amazon Polly voice as Connect's UpdateContactTextToSpeechVoice wants it. */
export interface PollyVoice {
  readonly voice: string;
  readonly engine: 'Neural' | 'Standard';
  /** BCP 47 code Connect keeps as the contact's LanguageCode. */
  readonly languageCode: string;
}

/** A Twilio <Say> voice and the <Gather> speech-recognition language that goes with it. */
export interface TwilioVoice {
  readonly voice: string;
  /** <Say language>. */
  readonly language: string;
  /** <Gather language> for speech recognition (Twilio names Mandarin differently there). */
  readonly speechLanguage: string;
}

// Checked against Polly's voice list: no Indonesian voice at all, and Russian only in the standard
// engine. Neural voices where they exist, since they read numbers and names far more naturally.
const POLLY: Readonly<Record<Language, PollyVoice | undefined>> = {
  en: { voice: 'Amy', engine: 'Neural', languageCode: 'en-GB' },
  fr: { voice: 'Lea', engine: 'Neural', languageCode: 'fr-FR' },
  de: { voice: 'Vicki', engine: 'Neural', languageCode: 'de-DE' },
  es: { voice: 'Lucia', engine: 'Neural', languageCode: 'es-ES' },
  it: { voice: 'Bianca', engine: 'Neural', languageCode: 'it-IT' },
  pt: { voice: 'Camila', engine: 'Neural', languageCode: 'pt-BR' },
  nl: { voice: 'Laura', engine: 'Neural', languageCode: 'nl-NL' },
  zh: { voice: 'Zhiyu', engine: 'Neural', languageCode: 'cmn-CN' },
  ru: { voice: 'Tatyana', engine: 'Standard', languageCode: 'ru-RU' },
  id: undefined,
};

// Twilio offers Polly voices and Google voices; Google has Indonesian, so Twilio callers hear it.
const TWILIO: Readonly<Record<Language, TwilioVoice>> = {
  en: { voice: 'Polly.Amy-Neural', language: 'en-GB', speechLanguage: 'en-GB' },
  fr: { voice: 'Polly.Lea-Neural', language: 'fr-FR', speechLanguage: 'fr-FR' },
  de: { voice: 'Polly.Vicki-Neural', language: 'de-DE', speechLanguage: 'de-DE' },
  es: { voice: 'Polly.Lucia-Neural', language: 'es-ES', speechLanguage: 'es-ES' },
  it: { voice: 'Polly.Bianca-Neural', language: 'it-IT', speechLanguage: 'it-IT' },
  pt: { voice: 'Polly.Camila-Neural', language: 'pt-BR', speechLanguage: 'pt-BR' },
  nl: { voice: 'Polly.Laura-Neural', language: 'nl-NL', speechLanguage: 'nl-NL' },
  zh: { voice: 'Polly.Zhiyu-Neural', language: 'cmn-CN', speechLanguage: 'cmn-Hans-CN' },
  ru: { voice: 'Polly.Tatyana', language: 'ru-RU', speechLanguage: 'ru-RU' },
  id: { voice: 'Google.id-ID-Standard-A', language: 'id-ID', speechLanguage: 'id-ID' },
};

/** The language prompts are spoken in: the caller's, unless the platform has no voice for it (then English). */
export function promptLanguage(language: Language, platform: VoicePlatform): Language {
  return platform === 'connect' && POLLY[language] === undefined ? 'en' : language;
}

/** Whether the platform can speak this language at all. */
export function canSpeak(language: Language, platform: VoicePlatform): boolean {
  return promptLanguage(language, platform) === language;
}

/** The Polly voice Connect reads prompts in `language` with (English when Polly has none). */
export function pollyVoice(language: Language): PollyVoice {
  return POLLY[language] ?? (POLLY.en as PollyVoice);
}

/** The Twilio voice for `language`. */
export function twilioVoice(language: Language): TwilioVoice {
  return TWILIO[language];
}
