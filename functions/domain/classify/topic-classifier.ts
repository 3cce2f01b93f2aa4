import { TOPICS, type Topic } from '../classification';
import { isClosingOnly } from './closing';
import { describesDanger, describesFalseAlarm, withoutHarmlessSmoke } from './danger';
import { topicFeatures } from './features';
import { type LinearModel, softmax } from './linear-model';
import { fold } from './normalise';
import { lexiconFeatures } from './topic-lexicon';

/** A topic and how sure the classifier is of it (0..1). */
export interface TopicGuess {
  readonly topic: Topic;
  readonly confidence: number;
}

const EMERGENCY = TOPICS.indexOf('emergency');
// At this posterior the model's emergency stands without an emergency cue: danger in words neither the
// lexicon nor danger.ts holds. Chosen on the development split (emergency recall 0.894 -> 0.915, false
// emergencies unchanged 0.09%) and the style-shift check (topic-batches.ts: 0.895 -> 0.904, unchanged).
const EMERGENCY_SURE = 0.7;
// Calls for help, a call or speed that say nothing of danger: "help", "please call me", "asap". (The
// lexicon's "call 911" matches "call" and any word after it: digits are no words.)
const ONLY_A_CALL =
  /(?<![\p{L}])(?:please help|help me|help|call|helps|helping|aidez|aide|au secours|hilfe|helfen|ayudame|ayuda|socorro|auxilio|aiutatemi|aiuto|ajuda|helpen|помогите|помощь|tolong|bantu|asap|urgent|urgente|dringend|срочно|segera)(?![\p{L}])|救命|帮忙|帮帮|紧急/gu;

/**
 * Sorts text into one of the eleven topics. Two rules come before the model and answer with
 * confidence 1: thanks and goodbyes are `general`, danger told by what happens is `emergency`.
 * The model may only say `emergency` when an emergency cue is in the words or it is sure (posterior
 * at least EMERGENCY_SURE), else its next topic: "help", a complaint, a loyalty question or a
 * detector beeping for its battery never is. Text the model knows nothing of is `general` with
 * confidence 0. `folded` saves folding again when the caller has.
 */
export function classifyTopic(model: LinearModel, text: string, folded = fold(text)): TopicGuess {
  if (isClosingOnly(folded)) return { topic: 'general', confidence: 1 };
  if (describesDanger(folded)) return { topic: 'emergency', confidence: 1 };
  const features = topicFeatures(text, folded);
  const { scores, known } = model.score(features);
  if (known === 0) return { topic: 'general', confidence: 0 };
  const posterior = softmax(scores, 4);
  let best = bestOf(posterior, -1);
  // Asked only when the model says emergency unsurely: the gate reads the words a second time.
  if (
    best === EMERGENCY &&
    (posterior[best] ?? 0) < EMERGENCY_SURE &&
    !(features.includes('lex:emergency') && namesDanger(folded))
  )
    best = bestOf(posterior, EMERGENCY);
  // Three decimals, like the language confidence.
  return { topic: TOPICS[best] ?? 'general', confidence: Math.round((posterior[best] ?? 0) * 1000) / 1000 };
}

// The model's emergency needs an emergency cue besides a call for help and cigarette smoke, and no
// harmless alarm.
function namesDanger(folded: string): boolean {
  if (describesFalseAlarm(folded)) return false;
  return lexiconFeatures(withoutHarmlessSmoke(folded).replace(ONLY_A_CALL, ' ')).includes('lex:emergency');
}

function bestOf(posterior: Float64Array, skip: number): number {
  let best = -1;
  for (let i = 0; i < posterior.length; i++) {
    if (i === skip) continue;
    if (best < 0 || (posterior[i] ?? 0) > (posterior[best] ?? 0)) best = i;
  }
  return best;
}
