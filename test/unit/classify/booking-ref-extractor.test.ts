import { describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../../functions/domain/booking-reference';
import { extractBookingReference } from '../../../functions/domain/classify/index';

const REF = makeBookingReference('123456789'); // 1234567897
const wrongCheck = `${REF.slice(0, 9)}${(Number(REF[9]) + 1) % 10}`;

describe('extractBookingReference', () => {
  it.each([
    ['plain', `Hi, ${REF}, cancel please`],
    ['after "booking no."', `booking no. ${REF}`],
    ['with spaces', `My booking number is 123 456 7897`],
    ['with dots and a dash', `n° de réservation 123.456.789-7`],
    ['with a dash', 'Buchungsnummer: 12345-67897'],
    ['after Chinese words', `订单号：${REF}，我要取消`],
    ['after Russian words', `номер брони ${REF}`],
    ['after Indonesian words', `nomor pemesanan ${REF}`],
    ['spoken digit by digit', 'my booking number is 1 2 3 4 5 6 7 8 9 7'],
    ['followed by another number', `reservation 123 456 7897 2 adults`],
    ['in full-width digits', '订单号１２３４５６７８９７'],
  ])('finds a reference written %s', (_, text) => {
    expect(extractBookingReference(text)).toBe(REF);
  });

  it.each([
    ['a wrong check digit', `booking no. ${wrongCheck}`],
    ['an international phone number', `call me on +1 ${REF}`],
    ['a phone number after a phone word', `my phone ${REF}`],
    ['a French mobile in pairs', 'réservation, rappelez-moi 06 12 34 56 78'],
    ['a US phone with dashes', `text me at 123-456-7897`],
    ['a price with a currency', `I paid ${REF} EUR`],
    ['a price with a currency sign', `total €${REF}`],
    ['a price with decimals', `Total 12345678,97 €`],
    ['a date with an hour', 'booking 12.05.2025 14'],
    ['an ISO date with an hour', 'reservation 2025-05-12 14'],
    ['a PIN', `pin ${REF}`],
    ['a card number in groups', `card 4111 1111 1111 1111, booking`],
    ['a card number in one piece', `booking paid with 4${REF}12345`],
    ['a card after a card word', `card ${REF}`],
    ['a bare number with a trunk zero', '0612345675'],
    ['the sender’s own number', REF],
  ])('never takes %s', (name, text) => {
    const from = name === 'the sender’s own number' ? `+33${REF}` : undefined;
    expect(extractBookingReference(text, from)).toBeNull();
  });

  it('takes the reference next to its booking word over a bare number', () => {
    const other = makeBookingReference('987654321');
    expect(extractBookingReference(`${other} is my old one, booking ${REF}`)).toBe(REF);
  });

  it('returns null for text without digits', () => {
    expect(extractBookingReference('no numbers here')).toBeNull();
  });
});
