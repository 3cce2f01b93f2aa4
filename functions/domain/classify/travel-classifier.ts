import type { Classification, Classifier, ClassifierInput } from '../classification';
import { extractBookingReference } from './booking-ref-extractor';
import { detectLanguage } from './language-detector';
import model from './model.json' with { type: 'json' };
import { NaiveBayes } from './naive-bayes';
import { cleanText, fold } from './normalise';
import { classifyTopic } from './topic-classifier';
import { isUrgent } from './urgency';

// Parsed once per process (cold start), shared by every classifier instance.
const LANGUAGE_MODEL = new NaiveBayes(model.language);
const TOPIC_MODEL = new NaiveBayes(model.topic);

/**
 * The contact router's classifier: language (text, script, sender and dialled numbers, booking),
 * topic (naive Bayes over words), urgency (topic and "today/tomorrow") and booking reference
 * (Luhn-checked, precision first). Pure, synchronous, no I/O.
 */
export class TravelClassifier implements Classifier {
  classify(input: ClassifierInput): Classification {
    const body = cleanText(typeof input.text === 'string' ? input.text : '');
    const subject = cleanText(typeof input.subject === 'string' ? input.subject : '');
    const all = subject ? `${subject}\n${body}` : body;
    const { language, confidence } = detectLanguage(LANGUAGE_MODEL, body.trim() ? body : subject, input);
    const { topic } = classifyTopic(TOPIC_MODEL, all);
    return {
      language,
      confidence,
      topic,
      urgent: isUrgent(topic, fold(all)),
      bookingRef: extractBookingReference(all, input.from),
    };
  }
}
