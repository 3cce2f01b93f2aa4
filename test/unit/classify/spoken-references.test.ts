import { describe, expect, it } from 'vitest';
import { extractBookingReference } from '../../../functions/domain/classify/index';

// Round 12: how callers and transcripts give a reference in groups. 1234567897 and 2125550182 pass the
// check digit: only the words around them decide. Written apart from every evaluation set.
describe('grouped references as callers say them', () => {
  it.each([
    ['"I\'m calling about"', "hi i'm calling about my booking 12 34 56 78 97 we land tomorrow"],
    ['"j\'appelle pour"', 'bonjour je vous appelle au sujet de la résa 12 34 56 78 97'],
    ['"llamo por"', 'hola llamo por la reserva 12 34 56 78 97 llegamos mañana'],
    ['"звоню по поводу"', 'здравствуйте звоню по поводу брони 12 34 56 78 97'],
    ['a flight word before the booking word', 'flight delayed, booking 12 34 56 78 97'],
    ['航班 before 订单号', '航班延误 订单号 12 34 56 78 97'],
    ['a booking label on the line before', 'Hi.\nBooking:\n12 34 56 78 97\nthanks'],
    ['"conf." as a shortened booking word', 'conf. code: "12 34 56 78 97"'],
    ['a number read in a text message', 'die Buchungsnummer aus der SMS: 12 34 56 78 97'],
    ['a number sign', 'Nº 12 34 56 78 97 se puede añadir la media pensión'],
    [
      '"the number is" after a moved flight',
      'our flight got moved we arrive tomorrow can you shift it the number is 12 34 56 78 97',
    ],
    ['"het nummer is" in three groups', 'we komen een dag later het nummer is 123 456 7897'],
    ['the doorbell ("de bel") before the booking', 'de bel werkt niet, boekingsnummer 12 34 56 78 97'],
    ['"geen bel" in a voice transcript', 'er is geen bel bij de deur mijn boeking 12 34 56 78 97'],
  ])('takes a reference after %s', (_, text) => {
    expect(extractBookingReference(text, '+447700900123', 'en')).toBe('1234567897');
  });

  it.each([
    ['"the number is" after a call-back', 'Can you call me back? The number is 212 555 0182'],
    ['"the number is" before "call me"', 'the number is 212 555 0182, call me'],
    ['"Die Nummer" after "Rückruf"', 'Bitte um Rückruf. Die Nummer lautet 212 555 0182'],
    ['"the number is" after a card', 'I paid with my card, the number is 212 555 0182'],
    ['"the number is" after a price', 'the total is 120 EUR the number is 212 555 0182'],
    ['a call-me imperative before pairs', 'appelez-moi pour la réservation au 21 25 55 01 82'],
    ['"bel me voor" (call me about)', 'bel me voor de boeking 21 25 55 01 82'],
    ['"bel" after the bell was named', 'de bel is stuk, bel me voor de boeking 21 25 55 01 82'],
    ['"my number"', "i'm calling about my booking, my number is 21 25 55 01 82"],
  ])('refuses %s', (_, text) => {
    expect(extractBookingReference(text, '+447700900123', 'en')).toBeNull();
  });
});
