import { BOOKING_CUE, BOOKING_VERB, isSign } from './booking-words';
import { lastMatch } from './last-match';
import { fold } from './normalise';
import { FLIGHT_WORD, MESSAGE_WORD, MONEY_WORD, OTHER_CUE } from './other-number-words';

// How far back the phone word of "the phone number on the booking is …" may start.
const WINDOW = 100;

/**
 * The words that introduce a number at the end of a clause: "is", "ist", "lautet", "est", "es", "è",
 * "é", "adalah", "the number", "nomornya", "под номером", "是", a colon or an opening quote.
 */
export const INTRODUCED =
  /(?:(?<![\p{L}])(?:is|was|ist|lautet|est|es|e|sono|sao|adalah|yaitu|nomornya|nomor|number|numero|nummer|номер|номером|это)|是|为|:)\s*[(«"“„]?\s*$/u;

// What joins a phone word to the booking that owns it, folded: prepositions, articles and
// possessives ("on the", "de la", "in der", "della", "da minha", "op de", "в моей", "di"), and the
// number words that may follow the phone word ("phone number on", "numéro de téléphone de").
const LINK_WORDS = new Set(
  [
    'on in for of under with from attached linked associated to the my our this that your a',
    'de du des la le l sur dans pour ma mon notre cette ce associe lie',
    'der in im auf bei von vom fur zur zum meiner unserer dieser die dem',
    'del el en mi nuestra para esta con della nella nel sulla sul per il mia nostra dalla',
    'da do na no minha nossa o op van bij het mijn onze voor',
    'в на для из по к моеи нашеи этои',
    'di pada untuk dari',
  ].flatMap((line) => line.split(' ')),
);
const NUMBER_WORDS = new Set(['number', 'no', 'numero', 'nummer', 'номер', 'nomor']);
const WORD = /[\p{L}\p{M}]+/gu;
// Other words that never own a booking's ten-digit number: "my number", "mon numéro", "mijn nummer"
// are phone words alone, but "mon numéro de réservation est" is the booking's; "o total da reserva é"
// would be a price, "le vol de la réservation" a flight.
const NOT_AN_OWNER = /^(?:(?:my|mon|meine|mi|il mio|o meu|meu|mijn|мои) |nomor|account)/u;

/**
 * Whether the number starting at `start` is introduced as the phone (or other number) of a booking:
 * "the phone number on the booking is …", "le numéro de téléphone de la réservation est …", "die
 * Telefonnummer in der Buchung lautet …". The booking word there says whose number it is, not what
 * it is. "the phone on booking 1234567897 is wrong" still names the booking: nothing introduces the
 * number after the booking word.
 */
export function isNumberOwnedByBooking(text: string, start: number): boolean {
  const found = bookingWordBefore(text, start);
  if (!found) return false;
  const { far, booking, after } = found;
  const afterWords = after.match(WORD) ?? [];
  if (/[,.;!?\n]/.test(after) || afterWords.length > 3 || !INTRODUCED.test(after)) return false;
  // "a text with my booking number 1234567897": "booking number" is one noun, the booking's own.
  if (afterWords.length > 0 && afterWords.every((w) => NUMBER_WORDS.has(w))) return false;
  const other = lastMatch(far.slice(0, booking.index), OTHER_CUE);
  const word = other?.[0] ?? '';
  if (!other || NOT_AN_OWNER.test(word) || FLIGHT_WORD.test(word) || MONEY_WORD.test(word)) return false;
  return linksOwner(far.slice(other.index + other[0].length, booking.index));
}

// Only joining words (at least one that is not a number word) and spaces or apostrophes between; a
// dot only as an abbreviation's ("tel. no. of the"), never a sentence end or a line break.
function linksOwner(gap: string): boolean {
  if (!/^\.?[ \t\u00a0\p{L}'’]*$/u.test(gap.replace(/(?<![\p{L}])no\./gu, 'no'))) return false;
  const words = gap.match(WORD) ?? [];
  return words.every((w) => LINK_WORDS.has(w) || NUMBER_WORDS.has(w)) && words.some((w) => LINK_WORDS.has(w));
}

// The prepositions that say a booking number was read in a message: "in", "from", "dans", "aus der",
// "del", "nel", "na", "uit", "в", "di".
const PREPOSITIONS = new Set(
  'in from on of dans du de des aus im von vom del en nel nella dal dalla da di na no do em uit van в из dari dalam pada'.split(
    ' ',
  ),
);

/**
 * Whether the number starting at `start` is a booking number said to be read in a message: "the
 * booking number in your text is …", "the booking number from the SMS: …", "le numéro de réservation
 * dans le SMS est …", "die Buchungsnummer aus der SMS lautet …". The message word there says where
 * the number came from, not what it is.
 */
export function isReadInMessage(text: string, start: number): boolean {
  const after = bookingWordBefore(text, start)?.after;
  if (after === undefined || /[,.;!?\n]/.test(after) || !INTRODUCED.test(after)) return false;
  const other = lastMatch(after, OTHER_CUE);
  if (!other || !MESSAGE_WORD.test(other[0])) return false;
  const gap = after.slice(0, other.index).match(WORD) ?? [];
  const tail = after.slice(other.index + other[0].length).match(WORD) ?? [];
  return (
    tail.length <= 4 &&
    gap.some((w) => PREPOSITIONS.has(w)) &&
    gap.every((w) => PREPOSITIONS.has(w) || LINK_WORDS.has(w) || NUMBER_WORDS.has(w) || MESSAGE_WORD.test(w))
  );
}

// The last booking noun (not a verb or a number sign) in the WINDOW before `start`, with the folded
// text it is in and what follows it up to the number.
function bookingWordBefore(text: string, start: number) {
  const far = fold(text.slice(Math.max(0, start - WINDOW), start));
  const booking = lastMatch(far, BOOKING_CUE);
  if (!booking || BOOKING_VERB.test(booking[0]) || isSign(booking[0])) return null;
  return { far, booking, after: far.slice(booking.index + booking[0].length) };
}
