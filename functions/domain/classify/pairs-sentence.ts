import { fold } from './normalise';
import { FLIGHT_WORD, MESSAGE_WORD, MONEY_WORD, OTHER_CUE } from './other-number-words';

// "I'm calling about my booking", "j'appelle pour ma résa", "llamo por la reserva", "звоню по поводу
// брони", "我打电话是关于订单": how a caller opens a voice message, and a transcript's usual start. The
// call word there names the call itself, not a number to call back, so it must not make a phone of
// the booking number that follows. Only first-person or ongoing forms of calling, then at most one
// word ("vous", "le", "an", "ik"), then a word for "about": an imperative ("call me on", "appelez-moi
// au", "llámenme al") or a phone noun ("the phone for the booking is …") never matches. Folded text.
const CALLING =
  'calling|ringing|appelle|appelais|rufe|anrufe|llamo|llamaba|llamando|chiamo|chiamando|ligo|liguei|ligando|bel|звоню|звоним|telepon|menelepon';
const ABOUT =
  'about|regarding|concerning|pour|au sujet d[eu]|concernant|a propos d[eu]|wegen|bezuglich|betreffend|por|sobre|acerca de|para|per|riguardo|circa|por causa d[aeo]|a respeito d[aeo]|over|voor|vanwege|по поводу|насчет|про|о|об|soal|tentang|mengenai|terkait';

// "bel me voor", "call us about", "llámame por": a word between may not be the caller's object.
const OBJECT = '(?:me|us|mij|ons|moi|nous|mich|uns|mir|mi|nos|ci|мне|нам|saya|kami|aku)';

const CALLING_ABOUT = new RegExp(
  `(?<![\\p{L}])(?:${CALLING})(?:\\s+(?!${OBJECT}\\s)\\p{L}+)?\\s+(?:${ABOUT})(?![\\p{L}])|打电话(?:是|来)?(?:关于|问)|来电(?:关于|问)`,
  'gu',
);

/**
 * Whether a phone, price or other word in the folded sentence before a number dictated in pairs
 * speaks for it, so that the pairs are not a booking reference: a phone word anywhere ("el teléfono
 * de la reserva es el 06 02 57 89 99"), but not a caller's "I'm calling about"; a flight or money word
 * only after the booking word that starts at `bookingAt` (-1: none): before it, it says what happened
 * ("flight delayed, booking 61 73 90 35 40", "航班延误 订单号 …"); and a message word not
 * when the booking number is said to be read in it (`readInMessage`: "numéro de résa reçu par SMS :");
 * and no word before a booking word (`bookingWord`) that already has its own number between them ("bel
 * me op 06-42419606, boekingsnummer: 51-68-20-11-91": the phone word's number is the first one).
 */
export function otherWordInPairsSentence(
  sentence: string,
  bookingAt: number,
  readInMessage: boolean,
  bookingWord = false,
): boolean {
  const kept = sentence.replace(CALLING_ABOUT, (opening) => ' '.repeat(opening.length));
  for (const m of kept.matchAll(OTHER_CUE)) {
    const before = bookingAt >= 0 && m.index < bookingAt;
    if (before && (FLIGHT_WORD.test(m[0]) || MONEY_WORD.test(m[0]))) continue;
    if (before && bookingWord && /\d/.test(kept.slice(m.index + m[0].length, bookingAt))) continue;
    if (readInMessage && MESSAGE_WORD.test(m[0])) continue;
    return true;
  }
  return false;
}

// "the number is", "el número es", "o número é", "het nummer is", "nummer", "nomornya", "номер": the
// number a caller was asked for, named without "my" (which the phone words hold: "my number").
const THE_NUMBER =
  /(?<![\p{L}])(?:number|numero|nummer|nomor|nomornya|номер)(?:\s+(?:is|es|e|ist|lautet|est|adalah|это))?\s*:?\s*$/u;

/**
 * Where "the number is" starts when the folded sentence ends with it (else -1): a grouped number
 * after it is the booking's when no phone, price or other word is in the sentence (see
 * `otherWordInPairsSentence`). Callers read out the booking number this way ("… can you shift the
 * arrival by one day, the number is 20 51 01 00 11"); a phone is "my number" or follows "call me".
 */
export function theNumberNamedAt(sentence: string): number {
  return sentence.search(THE_NUMBER);
}

// How far around "the number is …" a phone, card or price word refuses the number.
const AROUND = 100;
// Card words: "I paid with my card, the number is …" names no booking.
const CARD = /(?<![\p{L}])(?:card|carte|karte|tarjeta|carta|cartao|kaart|карт\p{L}*|kartu)(?![\p{L}])|卡/u;

/**
 * Whether the grouped number from `start` to `end` follows "the number is" with no phone, card, price
 * or other word anywhere in the AROUND characters before it (a flight word may tell what happened:
 * "our flight got moved … the number is 20 51 01 00 11"), nor after it in its line ("the number is
 * 212 555 0182, call me"), even across sentences ("Can you call me back? The number is …").
 */
export function namedTheNumber(text: string, start: number, end: number): boolean {
  const before = fold(text.slice(Math.max(0, start - AROUND), start));
  if (theNumberNamedAt(before) < 0 || CARD.test(before)) return false;
  for (const m of before.matchAll(OTHER_CUE)) if (!FLIGHT_WORD.test(m[0])) return false;
  const after = fold(text.slice(end, end + AROUND).split('\n')[0] ?? '');
  return after.search(OTHER_CUE) < 0;
}
