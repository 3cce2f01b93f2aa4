import { describe, expect, it } from 'vitest';
import { extractBookingReference } from '../../../functions/domain/classify/index';

// 1234567897, 0612345678 and 1205261439 all pass the check digit: only the words around them decide.
describe('references dictated in pairs and short booking words', () => {
  it.each([
    ['French "résa c\'est le"', "ma résa c'est le 12 34 56 78 97"],
    ['Chinese 订单号', '订单号 12 34 56 78 97'],
    ['German "Buchungsnr."', 'Buchungsnr. 12 34 56 78 97, bitte stornieren'],
    ['Italian "pren."', 'Pren. 12 34 56 78 97 vorrei cambiare le date'],
    ['Spanish "loc."', 'loc. 12 34 56 78 97, la fianza no ha vuelto'],
    ['"bkng"', 'bkng 1234567897 pls'],
    ['digit by digit after a short form', 'pren 1 2 3 4 5 6 7 8 9 7'],
    [
      'pairs introduced further on in the booking sentence',
      'they cannot find my booking at all, the number is 12 34 56 78 97',
    ],
  ])('takes a reference after %s', (_, text) => {
    expect(extractBookingReference(text)).toBe('1234567897');
  });

  it.each([
    ['pairs with no booking word', 'rappelez-moi au 12 34 56 78 97'],
    ['pairs after a phone word in the booking sentence', 'el teléfono de la reserva es el 12 34 56 78 97'],
    ['pairs a comma away from the booking word', '¿tengo que imprimir la reserva?, 12 34 56 78 97'],
    [
      'pairs far after the booking word',
      'ma réservation pour la semaine prochaine avec vue sur 12 34 56 78 97',
    ],
    ['pairs that start like a French mobile', "ma résa c'est le 06 12 34 56 78"],
    ['pairs that start with a date', 'réservation 12 05 26 14 39'],
  ])('refuses %s', (_, text) => {
    expect(extractBookingReference(text, '+33612000000', 'fr')).toBeNull();
  });
});
