import { describe, expect, it } from 'vitest';
import { IVR_PROMPTS } from '../../../functions/domain/i18n/ivr-prompts';
import { canSpeak, pollyVoice, promptLanguage, promptText, twilioVoice } from '../../../functions/domain/ivr';
import { LANGUAGES } from '../../../functions/domain/languages';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the IVR prompt catalogue', () => {
  it.each(LANGUAGES)('%s has every prompt, non-empty, with the same {slots} as English', (language) => {
    const set = IVR_PROMPTS[language];
    for (const [key, english] of Object.entries(IVR_PROMPTS.en)) {
      const text = set[key as keyof typeof set];
      expect(text.trim(), `${language}.${key}`).not.toBe('');
      expect(slots(text), `${language}.${key}`).toEqual(slots(english));
    }
  });

  it('has no sentence left in English in another language (apart from names)', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      expect(IVR_PROMPTS[language].topicMenu).not.toBe(IVR_PROMPTS.en.topicMenu);
      expect(IVR_PROMPTS[language].emergency).not.toBe(IVR_PROMPTS.en.emergency);
    }
  });
});

describe('voices', () => {
  it('has a Polly voice for nine languages and falls back to English for Indonesian on Connect', () => {
    expect(LANGUAGES.filter((l) => !canSpeak(l, 'connect'))).toEqual(['id']);
    expect(promptLanguage('id', 'connect')).toBe('en');
    expect(pollyVoice('id')).toEqual(pollyVoice('en'));
    expect(pollyVoice('ru')).toMatchObject({ voice: 'Tatyana', engine: 'Standard' });
  });

  it('speaks every language on Twilio, Indonesian with a Google voice', () => {
    expect(LANGUAGES.every((l) => canSpeak(l, 'twilio'))).toBe(true);
    expect(twilioVoice('id')).toMatchObject({ voice: 'Google.id-ID-Standard-A', language: 'id-ID' });
    expect(twilioVoice('zh').speechLanguage).toBe('cmn-Hans-CN');
  });

  it('joins Chinese sentences without spaces and others with one', () => {
    expect(
      promptText([
        { text: '你好。', language: 'zh' },
        { text: '再见。', language: 'zh' },
      ]),
    ).toBe('你好。再见。');
    expect(
      promptText([
        { text: 'Hello.', language: 'en' },
        { text: '', language: 'en' },
        { text: 'Bye.', language: 'en' },
      ]),
    ).toBe('Hello. Bye.');
  });
});
