import { describe, expect, it } from 'vitest';
import { hmacSigner } from '../../../functions/adapters/email/hmac-signer';
import { composeSurvey } from '../../../functions/domain/survey/compose-survey';
import { parseSurveyAnswer } from '../../../functions/domain/survey/parse-answer';
import { readSurveyToken, surveyRefOf, surveyToken } from '../../../functions/domain/survey/survey-token';

const sign = hmacSigner('a-test-key-of-sixteen+');

describe('parseSurveyAnswer', () => {
  it('reads a leading score and the comment after it', () => {
    expect(parseSurveyAnswer('4')).toEqual({ score: 4 });
    expect(parseSurveyAnswer('  5 great stay ')).toEqual({ score: 5, comment: 'great stay' });
    expect(parseSurveyAnswer('2/5 – the room was cold')).toEqual({ score: 2, comment: 'the room was cold' });
    expect(parseSurveyAnswer('１')).toEqual({ score: 1 }); // a full-width digit from a Chinese keyboard
  });

  it('takes no ordinary message for an answer', () => {
    for (const text of [
      '10',
      '2.5',
      '1234567897 is my booking',
      '3pm arrival',
      '3:30 arrival',
      'great 5',
      '0',
      '6',
      '',
    ])
      expect(parseSurveyAnswer(text), text).toBeUndefined();
  });
});

describe('survey tokens', () => {
  const ref = surveyRefOf('CR-7K4M2Q', '2026-11-23T10:00:00.000Z');

  it('reads back the survey and score it was made for', () => {
    const token = surveyToken(ref, 4, sign);
    expect(readSurveyToken(token, sign)).toEqual({ ref, score: 4 });
  });

  it('refuses a token whose score, case or key was changed', () => {
    const token = surveyToken(ref, 5, sign);
    expect(readSurveyToken(token.replace('.5.', '.1.'), sign)).toBeUndefined();
    expect(readSurveyToken(token.replace('CR-7K4M2Q', 'CR-7K4M2R'), sign)).toBeUndefined();
    expect(readSurveyToken(token, hmacSigner('another-key-of-sixteen'))).toBeUndefined();
    expect(readSurveyToken('../../etc/passwd', sign)).toBeUndefined();
  });

  it('puts five signed links in a mail survey, and asks for a digit by text', () => {
    // Act
    const mail = composeSurvey({ caseNumber: 'CR-7K4M2Q', language: 'de' }, ref, 'email', {
      baseUrl: 'https://support.example.com/',
      sign,
    });
    const sms = composeSurvey({ caseNumber: 'CR-7K4M2Q', language: 'fr' }, ref, 'sms', undefined);

    // Assess
    const links = mail.text.match(/https:\/\/support\.example\.com\/survey\/\S+/g) ?? [];
    expect(links).toHaveLength(5);
    expect(links.map((l) => readSurveyToken(l.split('/survey/')[1] ?? '', sign)?.score)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(mail.subject).toBe('Ihre Meinung zu Fall CR-7K4M2Q');
    expect(sms.text).toMatch(
      /^Comment avons-nous traité le dossier CR-7K4M2Q \? Répondez par un chiffre de 1/,
    );
  });
});
