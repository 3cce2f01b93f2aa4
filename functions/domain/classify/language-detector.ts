import type { ClassifierInput } from '../classification';
import { LANGUAGES, type Language } from '../languages';
import { languageFeatureHashes } from './features';
import { fallbackLanguage, signalPrior } from './language-signals';
import type { LinearModel } from './linear-model';
import { softmax } from './linear-model';
import { countScripts, languageOfScript } from './script';

/** A language and how sure we are of it (0..1). */
export interface LanguageGuess {
  readonly language: Language;
  readonly confidence: number;
}

// Naive Bayes adds up correlated n-grams as if independent; dividing by TEMPERATURE tempers that
// overconfidence so that the other signals (hint, booking, phone) still count on short texts.
const TEMPERATURE = 6;
// Below this the text alone is not trusted and the booking's or number's language is used.
const UNSURE = 0.5;

/** Detects the language from text, script and the contact's other signals. */
export function detectLanguage(model: LinearModel, text: string, input: ClassifierInput): LanguageGuess {
  const fallback = fallbackLanguage(input);
  const scripts = countScripts(text);
  const byScript = languageOfScript(scripts);
  if (byScript) return byScript;
  const { scores, known } = model.scoreHashes(scripts.latin > 0 ? languageFeatureHashes(text) : []);
  if (known === 0) return withoutText(input, fallback);
  const prior = signalPrior(input);
  const tempered = scores.map((s, i) => s / TEMPERATURE + (prior[i] ?? 0));
  const posterior = softmax(tempered);
  let best = 0;
  for (let i = 1; i < posterior.length; i++) if ((posterior[i] ?? 0) > (posterior[best] ?? 0)) best = i;
  const language = LANGUAGES[best] ?? 'en';
  const confidence = posterior[best] ?? 0;
  if (confidence < UNSURE && fallback && fallback !== language) {
    return {
      language: fallback,
      confidence: round(Math.max(posterior[LANGUAGES.indexOf(fallback)] ?? 0, 0.3)),
    };
  }
  return { language, confidence: round(confidence) };
}

function withoutText(input: ClassifierInput, fallback: Language | undefined): LanguageGuess {
  if (input.languageHint) return { language: input.languageHint, confidence: 0.9 };
  if (input.bookingLanguage) return { language: input.bookingLanguage, confidence: 0.6 };
  if (fallback) return { language: fallback, confidence: 0.4 };
  return { language: 'en', confidence: 0.1 };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
