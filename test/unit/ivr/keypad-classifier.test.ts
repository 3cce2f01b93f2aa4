import { describe, expect, it } from 'vitest';
import { LOYALTY_TIERS } from '../../../functions/domain/booking';
import { type ClassifierInput, TOPICS } from '../../../functions/domain/classification';
import { TravelClassifier } from '../../../functions/domain/classify/travel-classifier';
import { callSummary, type IvrState, menuClassifier } from '../../../functions/domain/ivr';
import { keypadClassifier } from '../../../functions/domain/ivr/keypad-classifier';
import { LANGUAGES } from '../../../functions/domain/languages';

// A call after its menus, before any PIN.
function callState(overrides: Partial<IvrState>): IvrState {
  return { language: 'en', lineType: 'country', attempts: 0, pinFailures: 0, verified: false, ...overrides };
}

// Every state a keypad-only call reaches the intake with: any topic, country or loyalty line (any
// assumed tier), any language; never words said (Connect flows collect no speech).
function* keypadStates(): Generator<IvrState> {
  const lines = [
    { lineType: 'country' as const, assumedTier: undefined },
    ...LOYALTY_TIERS.map((tier) => ({ lineType: 'loyalty' as const, assumedTier: tier })),
  ];
  for (const topic of TOPICS)
    for (const line of lines) for (const language of LANGUAGES) yield callState({ language, topic, ...line });
}

describe('keypadClassifier', () => {
  it('classifies every keypad-only call exactly as the text classifier does under the menu answers', () => {
    // Prepare
    const travel = new TravelClassifier();
    let compared = 0;
    for (const state of keypadStates()) {
      const input: ClassifierInput = {
        text: callSummary(state),
        channel: 'voice',
        from: '+447700900123',
        to: '+442079460100',
        languageHint: state.language,
      };
      // Act
      const keypad = menuClassifier(keypadClassifier, state).classify(input);
      const text = menuClassifier(travel, state).classify(input);
      // Assess
      expect(keypad, JSON.stringify(state)).toEqual(text);
      compared++;
    }
    expect(compared).toBe(TOPICS.length * (LOYALTY_TIERS.length + 1) * LANGUAGES.length);
  });

  it('marks the urgent menu choices urgent and nothing else', () => {
    const urgent = TOPICS.filter((topic) => {
      const state = callState({ topic });
      return menuClassifier(keypadClassifier, state).classify({ text: callSummary(state) }).urgent;
    });
    expect(urgent).toEqual(['arrival_problem', 'emergency']);
  });

  it('misses what a Twilio caller said, which is why the Twilio door keeps the text classifier', () => {
    // Prepare: a change chosen by speech, travelling tomorrow
    const state = callState({
      topic: 'change_booking',
      callerSaid: 'I need to change my booking, we arrive tomorrow',
    });
    const input = { text: callSummary(state), channel: 'voice', languageHint: 'en' as const };
    // Assess
    expect(menuClassifier(new TravelClassifier(), state).classify(input).urgent).toBe(true);
    expect(menuClassifier(keypadClassifier, state).classify(input).urgent).toBe(false);
  });
});
