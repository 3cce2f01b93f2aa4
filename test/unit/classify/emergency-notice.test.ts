import { describe, expect, it } from 'vitest';
import { emergencyNotice } from '../../../functions/domain/classify/index';
import { LANGUAGES } from '../../../functions/domain/languages';

describe('emergencyNotice', () => {
  it('has a distinct line naming an emergency number in every language', () => {
    const lines = LANGUAGES.map((language) => emergencyNotice(language));
    expect(new Set(lines).size).toBe(LANGUAGES.length);
    for (const line of lines) expect(line).toMatch(/112|110|911/);
  });
});
