import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../../functions/domain/classification';
import { TravelClassifier } from '../../../functions/domain/classify/index';
import { LANGUAGES } from '../../../functions/domain/languages';

const classifier = new TravelClassifier();

describe('TravelClassifier: language', () => {
  it.each([
    ['en', 'Hello, I would like to change the dates of my stay please'],
    ['fr', 'Bonjour, je voudrais changer les dates de mon séjour, merci'],
    ['de', 'Hallo, ich würde gerne die Daten meines Aufenthalts ändern'],
    ['es', 'Hola, me gustaría cambiar las fechas de mi estancia, gracias'],
    ['it', 'Buongiorno, vorrei cambiare le date del mio soggiorno, grazie'],
    ['pt', 'Olá, gostaria de mudar as datas da minha estadia, obrigado'],
    ['nl', 'Hallo, ik wil graag de data van mijn verblijf veranderen, bedankt'],
    ['zh', '你好，我想修改一下入住日期，谢谢'],
    ['ru', 'Здравствуйте, я хочу изменить даты проживания, спасибо'],
    ['id', 'Halo, saya ingin mengubah tanggal menginap saya, terima kasih'],
  ])('recognises %s', (language, text) => {
    const result = classifier.classify({ text });
    expect(result.language).toBe(language);
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('keeps the main language when an English word is mixed in', () => {
    expect(classifier.classify({ text: 'pls je veux annuler ma réservation asap' }).language).toBe('fr');
    expect(classifier.classify({ text: '我的booking要取消' }).language).toBe('zh');
  });

  it('lets the sender’s phone country decide a one-word message', () => {
    // Prepare: "ok" says nothing about a language on its own
    const fromBrazil = classifier.classify({ text: 'ok', from: '+5511987654321' });
    const fromGermany = classifier.classify({ text: 'ok', from: '+4915112345678' });
    // Assess
    expect(fromBrazil.language).toBe('pt');
    expect(fromGermany.language).toBe('de');
  });

  it('falls back to the booking’s language, with low confidence, when there is no text', () => {
    const result = classifier.classify({ text: '', bookingLanguage: 'it' });
    expect(result.language).toBe('it');
    expect(result.confidence).toBeLessThan(0.9);
  });

  it('trusts the IVR menu choice when the speech result is only digits', () => {
    expect(classifier.classify({ text: '1 2 3 4 5', languageHint: 'nl' }).language).toBe('nl');
  });
});

describe('TravelClassifier: topic and urgency', () => {
  it.each([
    ['change_booking', 'I need to change the dates of my booking'],
    ['cancel_booking', 'I want to cancel my booking'],
    ['refund', 'When will I get my refund?'],
    ['payment', 'I was charged twice, my card was debited two times'],
    ['add_service', 'Can you book an airport transfer and add breakfast?'],
    ['arrival_problem', 'I am at the hotel and they say it is overbooked, no room for us'],
    ['account', 'I cannot log in, I forgot my password'],
    ['technical', 'The app crashes and the website shows an error'],
    ['complaint', 'The room was dirty and the staff was rude, I want to complain'],
    ['general', 'Does the hotel have parking?'],
    ['emergency', 'Emergency, there is a fire, we need an ambulance'],
  ])('sorts "%s" text', (topic, text) => {
    expect(classifier.classify({ text }).topic).toBe(topic);
  });

  it('sorts an IVR speech result, lower case and without punctuation', () => {
    expect(classifier.classify({ text: 'je veux annuler ma réservation', channel: 'voice' }).topic).toBe(
      'cancel_booking',
    );
  });

  it('marks arrival problems and emergencies urgent, and a cancellation for tomorrow', () => {
    expect(classifier.classify({ text: 'Wir sind an der Rezeption und hier ist niemand' }).urgent).toBe(true);
    expect(classifier.classify({ text: 'Quiero cancelar mi reserva, llegamos mañana' }).urgent).toBe(true);
    expect(classifier.classify({ text: 'Quiero cancelar mi reserva para agosto' }).urgent).toBe(false);
    // "этой" is folded to "этои" before matching
    expect(classifier.classify({ text: 'Отмените бронь, мы приезжаем этой ночью' }).urgent).toBe(true);
  });

  it('does not read "good morning" or "the day after tomorrow" as tomorrow', () => {
    expect(classifier.classify({ text: 'Guten Morgen, ich möchte meine Buchung stornieren' }).urgent).toBe(
      false,
    );
    expect(classifier.classify({ text: 'Je veux annuler, on arrive après-demain' }).urgent).toBe(false);
  });
});

describe('TravelClassifier: odd input', () => {
  const valid = (r: ReturnType<TravelClassifier['classify']>) => {
    expect(LANGUAGES).toContain(r.language);
    expect(TOPICS).toContain(r.topic);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  };

  it('answers empty text with general, English at low confidence, no reference', () => {
    const result = classifier.classify({ text: '' });
    expect(result).toEqual({
      language: 'en',
      confidence: 0.1,
      topic: 'general',
      topicConfidence: 0,
      urgent: false,
      bookingRef: null,
    });
  });

  it('handles a huge email and still finds its reference at the top', () => {
    const text = `Booking 1234567897. I want to cancel my booking. ${'blah '.repeat(200_000)}`;
    const result = classifier.classify({ text });
    valid(result);
    expect(result.bookingRef).toBe('1234567897');
    expect(result.topic).toBe('cancel_booking');
  });

  it('ignores emoji and replacement characters', () => {
    const result = classifier.classify({ text: '😡😡 je veux \uFFFDannuler ma r\uFFFDservation 🙏' });
    valid(result);
    expect(result.language).toBe('fr');
    expect(result.topic).toBe('cancel_booking');
  });

  it('survives a lone surrogate', () => {
    valid(classifier.classify({ text: 'cancel \uD83D booking' }));
  });
});
