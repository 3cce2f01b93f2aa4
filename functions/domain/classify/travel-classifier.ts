import { type Classification, type Classifier, type ClassifierInput, isTopicUnsure } from '../classification';
import { extractBookingReference } from './booking-ref-extractor';
import { detectLanguage } from './language-detector';
import { LinearModel, type LinearModelData } from './linear-model';
import model from './model.json' with { type: 'json' };
import { cleanText, fold } from './normalise';
import { classifyTopic } from './topic-classifier';
import { isUrgent } from './urgency';

/** The two models a classifier runs: language and topic (model.json holds the shipped pair). */
export interface ClassifierModels {
  readonly language: LinearModelData;
  readonly topic: LinearModelData;
}

// Parsed once per process (cold start), shared by every classifier built from the shipped file.
const SHIPPED = { language: new LinearModel(model.language), topic: new LinearModel(model.topic) };

/**
 * The contact router's classifier: language (text, script, sender and dialled numbers, booking),
 * topic (linear model over words and stems), urgency (topic and "today/tomorrow") and booking
 * reference (Luhn-checked, precision first). Pure, synchronous, no I/O.
 */
export class TravelClassifier implements Classifier {
  private readonly models: { readonly language: LinearModel; readonly topic: LinearModel };

  /** `models` replaces the shipped model.json: the trainer measures candidates this way. */
  constructor(models?: ClassifierModels) {
    this.models = models
      ? { language: new LinearModel(models.language), topic: new LinearModel(models.topic) }
      : SHIPPED;
  }

  classify(input: ClassifierInput): Classification {
    const body = cleanText(typeof input.text === 'string' ? input.text : '');
    const subject = cleanText(typeof input.subject === 'string' ? input.subject : '');
    const all = subject ? `${subject}\n${body}` : body;
    const text = body.trim() ? body : subject;
    const { language, confidence } = detectLanguage(this.models.language, text, input);
    const folded = fold(all);
    const guess = classifyTopic(this.models.topic, all, folded);
    const unsure = isTopicUnsure({ topic: guess.topic, topicConfidence: guess.confidence });
    const topic = unsure ? 'general' : guess.topic;
    return {
      language,
      confidence,
      topic,
      topicConfidence: guess.confidence,
      urgent: !unsure && isUrgent(topic, folded),
      bookingRef: extractBookingReference(all, input.from, language),
    };
  }
}
