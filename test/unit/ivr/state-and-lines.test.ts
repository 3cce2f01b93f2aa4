import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TravelClassifier } from '../../../functions/domain/classify';
import { ValidationError } from '../../../functions/domain/errors';
import {
  dialledLine,
  type IvrState,
  keysForSpeech,
  keysOf,
  stateFromMap,
  stateToMap,
} from '../../../functions/domain/ivr';
import { withLoyaltyLines } from '../../../functions/domain/ivr/phone-lines';
import { loadPhoneLines } from '../../../functions/domain/ivr/phone-lines-schema';

const lines = loadPhoneLines(JSON.parse(readFileSync('policy/phone-lines.json', 'utf8')));

describe('phone lines', () => {
  it('gives each demo line its language and the loyalty line its assumed tier', () => {
    expect(dialledLine(lines, '+33199001100')).toMatchObject({ language: 'fr', kind: 'country' });
    expect(dialledLine(lines, '+44 20 7946 0999')).toMatchObject({ kind: 'loyalty', assumedTier: 'gold' });
    expect(dialledLine(lines, '+10000000000')).toMatchObject({ language: 'en', kind: 'country' });
    expect(dialledLine(lines, null).language).toBe('en');
  });

  it('refuses a loyalty line without a tier and a number that is not E.164, naming the field', () => {
    const bad = {
      defaultLanguage: 'en',
      lines: { '+33199001100': { label: 'x', language: 'fr', kind: 'loyalty' } },
    };
    expect(() => loadPhoneLines(bad)).toThrow(/lines\.\+33199001100\.assumedTier/);
    expect(() =>
      loadPhoneLines({ defaultLanguage: 'en', lines: { '0033': { label: 'x', language: 'fr' } } }),
    ).toThrow(ValidationError);
  });

  it('adds the loyalty numbers the CDK app passes, keeping a listed number’s language', () => {
    const more = withLoyaltyLines(lines, ['+33199001100', '+15550001111']);
    expect(dialledLine(more, '+33199001100')).toMatchObject({
      language: 'fr',
      kind: 'loyalty',
      assumedTier: 'gold',
    });
    expect(dialledLine(more, '+15550001111')).toMatchObject({ language: 'en', kind: 'loyalty' });
  });
});

describe('IVR state in attributes', () => {
  it('survives the round trip through a flat string map', () => {
    const state: IvrState = {
      language: 'zh',
      lineType: 'loyalty',
      assumedTier: 'gold',
      topic: 'refund',
      bookingRef: '1000000081',
      attempts: 1,
      pinFailures: 2,
      verified: true,
      caseNumber: 'CR-7K4M2Q',
      queue: 'zh-team',
      priority: 3,
      expectedMinutes: 30,
      shed: true,
      queuedAt: '2026-11-23T12:00:00.000Z',
    };
    const map = stateToMap(state);
    expect(Object.values(map).every((v) => typeof v === 'string')).toBe(true);
    expect(stateFromMap(map, 'en')).toEqual({ ...state, callerSaid: undefined });
  });

  it('reads any attribute map without throwing, falling back to defaults', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (map) => {
        const state = stateFromMap(map, 'fr');
        expect(state.attempts).toBeGreaterThanOrEqual(0);
        expect(typeof state.language).toBe('string');
      }),
    );
  });
});

describe('answers', () => {
  it('treats Connect’s "Timeout" and an empty entry as silence', () => {
    expect(keysOf({ digits: 'Timeout' })).toBeUndefined();
    expect(keysOf({ digits: '' })).toBeUndefined();
    expect(keysOf({ digits: '1000000016' })).toBe('1000000016');
  });

  it('turns a sentence into the keys the question expects', () => {
    const classifier = new TravelClassifier();
    expect(
      keysForSpeech(
        'language-menu',
        'Bonjour, je voudrais parler français s’il vous plaît',
        classifier,
        'en',
      ),
    ).toBe('2');
    expect(keysForSpeech('topic-menu', 'I want to cancel my booking', classifier, 'en')).toBe('2');
    expect(keysForSpeech('booking', 'it is 1000000016', classifier, 'en')).toBe('1000000016#');
    expect(keysForSpeech('pin', 'one', classifier, 'en')).toBeUndefined();
  });
});
