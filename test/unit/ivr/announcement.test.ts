import { describe, expect, it } from 'vitest';
import type { AnsweringTeam } from '../../../functions/domain/i18n/replies';
import { announcement, PromptBook, promptText } from '../../../functions/domain/ivr';
import type { IvrState } from '../../../functions/domain/ivr/ivr-state';
import { LANGUAGES, type Language } from '../../../functions/domain/languages';

function stateWaiting(language: Language, expectedMinutes: number): IvrState {
  return {
    language,
    lineType: 'country',
    attempts: 0,
    pinFailures: 0,
    verified: false,
    caseNumber: 'CR-7K4M2Q',
    queue: 'global-247',
    expectedMinutes,
  };
}

const numbers = (text: string) => [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));

// How the caller's language names a language, cut to a stem so inflected forms count too.
function stemOf(guest: Language, language: Language): string {
  const name = new Intl.DisplayNames(guest, { type: 'language' }).of(language) ?? language;
  return name.slice(0, Math.max(1, name.length - 2)).toLowerCase();
}

describe('what a caller hears before waiting', () => {
  it.each(LANGUAGES)('says a long wait in hours in %s, never as hundreds of minutes', (language) => {
    // Act
    const said = promptText(announcement(stateWaiting(language, 480), new PromptBook(language, 'twilio')));
    // Assess: the case number is spelled digit by digit, so any number of 60 or more would be minutes
    expect(numbers(said).filter((n) => n >= 60)).toEqual([]);
    expect(numbers(said)).toContain(8);
  });

  it.each(LANGUAGES)('tells a %s caller their team is closed and who answers instead', (language) => {
    // Prepare
    const own: Language = language === 'en' ? 'fr' : language;
    const routing: AnsweringTeam = {
      language: 'en',
      teamAway: { queue: `${own}-team`, language: own, reason: 'closed' },
    };
    const book = new PromptBook(language, 'twilio');
    // Act
    const said = promptText(announcement(stateWaiting(language, 2), book, routing));
    // Assess
    expect(said.toLowerCase()).toContain(stemOf(language, own));
    expect(said.toLowerCase()).toContain(stemOf(language, 'en'));
    expect(said).not.toBe(promptText(announcement(stateWaiting(language, 2), book)));
  });
});
