import { TOPICS, type Topic } from '../classification';
import { topicFeatures } from './features';
import { type LinearModel, softmax } from './linear-model';

/** A topic and the model's probability for it. */
export interface TopicGuess {
  readonly topic: Topic;
  readonly confidence: number;
}

/** Sorts text into one of the eleven topics; text the model knows nothing of is "general". */
export function classifyTopic(model: LinearModel, text: string): TopicGuess {
  const { scores, known } = model.score(topicFeatures(text));
  if (known === 0) return { topic: 'general', confidence: 0 };
  const posterior = softmax(scores, 4);
  let best = 0;
  for (let i = 1; i < posterior.length; i++) if ((posterior[i] ?? 0) > (posterior[best] ?? 0)) best = i;
  return { topic: TOPICS[best] ?? 'general', confidence: posterior[best] ?? 0 };
}
