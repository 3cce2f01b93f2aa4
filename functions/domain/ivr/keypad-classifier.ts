import type { Classification, Classifier } from '../classification';

/**
 * The classifier behind a keypad-only IVR (the Connect flows collect DTMF, never speech): the caller's
 * keys already chose the language, the topic and the booking, and `menuClassifier` puts those on top,
 * so there are no words to read. It says what a text classifier says of the IVR's own call summary
 * ("Phone call, IVR topic …"): nothing urgent, no reference, the menu's language. The Connect Lambda
 * uses it so that it does not load the text models (about 240 KB of bundle with libphonenumber) for words it never gets.
 */
export const keypadClassifier: Classifier = {
  classify(input): Classification {
    return {
      language: input.languageHint ?? 'en',
      confidence: input.languageHint ? 1 : 0,
      topic: 'general',
      urgent: false,
      bookingRef: null,
    };
  },
};
