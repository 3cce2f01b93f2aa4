import { describe, expect, it } from 'vitest';
import type { Topic } from '../../../functions/domain/classification';
import { TravelClassifier } from '../../../functions/domain/classify/index';

const classifier = new TravelClassifier();

// Sentences written for this test, not taken from the training phrases: every topic in some language,
// every language with several topics.
const CASES: ReadonlyArray<readonly [string, Topic, string]> = [
  ['en', 'refund', 'It has been six weeks since I cancelled and the money is still not back on my card'],
  ['en', 'arrival_problem', 'We are standing at the front desk and they say the hotel is fully booked'],
  ['en', 'technical', 'Your app shows a blank page whenever I open my trips'],
  ['fr', 'cancel_booking', 'Bonjour, nous devons annuler notre séjour, merci de confirmer'],
  ['fr', 'complaint', 'La chambre sentait le moisi et les draps étaient sales'],
  ['fr', 'add_service', 'Est-ce possible d’ajouter un lit bébé et le petit-déjeuner ?'],
  ['de', 'payment', 'Sie haben meine Kreditkarte zweimal belastet, bitte prüfen'],
  ['de', 'emergency', 'Hilfe, im Flur brennt es und überall ist Rauch'],
  ['de', 'change_booking', 'Können wir unsere Buchung um zwei Tage nach hinten verschieben?'],
  ['es', 'account', 'No consigo iniciar sesión, he olvidado mi contraseña'],
  ['es', 'general', '¿El hotel tiene aparcamiento y a qué hora es el check-in?'],
  ['es', 'refund', 'Cancelé hace un mes y todavía no me han devuelto el dinero'],
  ['it', 'arrival_problem', 'Siamo davanti alla struttura ma è chiusa e nessuno risponde'],
  ['it', 'payment', 'Mi serve la fattura intestata alla mia azienda'],
  ['it', 'cancel_booking', 'Vorrei disdire la prenotazione, non possiamo più venire'],
  ['pt', 'technical', 'O site dá erro quando tento pagar e não carrega'],
  ['pt', 'complaint', 'O quarto estava imundo e os funcionários foram mal-educados'],
  ['pt', 'add_service', 'Podem organizar o transfer do aeroporto para nós?'],
  ['nl', 'cancel_booking', 'Ik wil mijn boeking annuleren, we kunnen niet meer komen'],
  ['nl', 'emergency', 'Er is brand in het hotel, we zijn naar buiten gevlucht'],
  ['nl', 'account', 'Ik kan niet inloggen, mijn wachtwoord werkt niet meer'],
  ['zh', 'refund', '取消订单已经一个月了，退款还没到账'],
  ['zh', 'arrival_problem', '我们到了酒店，前台说没有我们的房间'],
  ['zh', 'payment', '同一笔订单被扣了两次款'],
  ['ru', 'change_booking', 'Хочу перенести бронь на другие даты'],
  ['ru', 'complaint', 'В номере было грязно, а персонал грубил'],
  ['ru', 'general', 'Подскажите, есть ли в отеле парковка?'],
  ['id', 'cancel_booking', 'Saya mau membatalkan pesanan hotel saya'],
  ['id', 'emergency', 'Tolong, ada kebakaran di hotel dan teman saya terluka'],
  ['id', 'technical', 'Aplikasinya error terus waktu saya mau lihat pesanan'],
];

describe('TravelClassifier: topics in every language', () => {
  it.each(CASES)('%s: sorts a %s message', (language, topic, text) => {
    const result = classifier.classify({ text });
    expect(result.topic).toBe(topic);
    expect(result.language).toBe(language);
  });

  it.each([
    ['en', 'not cancel, just change the dates please'],
    ['fr', "on n'annule pas, on veut seulement changer les dates"],
    ['de', 'nicht stornieren, nur das Datum ändern bitte'],
    ['es', 'no quiero cancelar, solo cambiar las fechas'],
  ])('%s: reads "not cancel, just change" as a change', (_, text) => {
    expect(classifier.classify({ text }).topic).toBe('change_booking');
  });

  it('reads a refund as a refund even when it speaks of the cancellation', () => {
    const text = 'I cancelled my booking last month, where is my refund?';
    expect(classifier.classify({ text }).topic).toBe('refund');
  });

  it('sorts a speech transcript with fillers', () => {
    const text = 'uh hi yes um we are at the hotel and there is nobody at reception';
    expect(classifier.classify({ text, channel: 'voice' }).topic).toBe('arrival_problem');
  });
});
