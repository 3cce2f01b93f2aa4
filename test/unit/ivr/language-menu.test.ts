import { describe, expect, it } from 'vitest';
import { IVR_PROMPTS } from '../../../functions/domain/i18n/ivr-prompts';
import { PromptBook } from '../../../functions/domain/ivr';
import { languageMenu } from '../../../functions/domain/ivr/menus';
import { LANGUAGES } from '../../../functions/domain/languages';

describe('the language menu', () => {
  it('has one part per language, each in the language it offers (English where Connect has no voice)', () => {
    // Act
    const menu = languageMenu('zh', new PromptBook('zh', 'connect'));

    // Assess
    expect(menu.map((p) => p.language)).toEqual(['zh', 'en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'en']);
  });

  it('joins "not an option" to the first part, so a re-prompt keeps one part per language', () => {
    // Prepare
    const book = new PromptBook('fr', 'connect');

    // Act
    const menu = languageMenu('fr', book, book.say('notAnOption'));

    // Assess
    expect(menu).toHaveLength(LANGUAGES.length);
    expect(menu[0]).toEqual({
      text: `${IVR_PROMPTS.fr.notAnOption} ${IVR_PROMPTS.fr.languageStay}`,
      language: 'fr',
    });
  });
});
