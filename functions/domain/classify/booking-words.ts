// Words that say "a booking reference follows", in the ten languages, matched on folded text
// (lower case, no accents), with booking verbs and mistyped booking words. The last cue before a
// number decides what the number is; the words against it are in `other-number-words.ts`.
const BOOKING_WORDS = [
  'booking\\p{L}*',
  // Compounds that end in a booking word: "Hotelbuchung", "Zimmerreservierung", "hotelboeking".
  '(?:hotel|zimmer|online|reise|kamer)(?:buchung|reservierung|bestatigung|boeking|reservering|bevestiging)\\p{L}*',
  'bkg',
  'bk',
  'reservation\\p{L}*',
  'resas?',
  // Short forms guests type: "pren.", "prenot.", "loc.", "reserv.", "bkng", "resv".
  'pren',
  'prenot',
  'loc',
  'reserv',
  'resv',
  'rsv',
  'bkng',
  'confirma\\p{L}*',
  'conferma\\p{L}*',
  'konfirmasi',
  'conf',
  'ref',
  'rif',
  'referen\\p{L}*',
  'order\\p{L}*',
  'pedido',
  'commande',
  'ordine',
  'bestel\\p{L}*',
  'auftrag\\p{L}*',
  'vorgang\\p{L}*',
  'pnr',
  'voucher\\p{L}*',
  'res',
  // Dutch and German run the short form and "nr" together: "resnr", "res.nr.".
  'res\\.?nr',
  'itinerary',
  'dossier\\p{L}*',
  'pratica',
  'expediente',
  'reservierung\\p{L}*',
  'buchung\\p{L}*',
  'bestatigung\\p{L}*',
  'reserva\\p{L}*',
  'localizador',
  'prenotazion\\p{L}*',
  'riferiment\\p{L}*',
  'codice',
  'codigo',
  'boeking\\p{L}*',
  'reservering\\p{L}*',
  'bevestiging\\p{L}*',
  'pemesanan\\p{L}*',
  'pesanan\\p{L}*',
  'reservasi\\p{L}*',
  'kode',
  'брон\\p{L}*',
  'заказ\\p{L}*',
  'подтвержд\\p{L}*',
  'заявк\\p{L}*',
  'резерв\\p{L}*',
  'ваучер\\p{L}*',
];

// Booking verbs: "j'ai réservé sous", "reservé con", "reservei com", "ho prenotato con", "gebucht
// unter", "geboekt onder", "забронировали", "dipesan". They name a number in their own sentence
// only: "we booked twice. ⏎ Anna ⏎ 385 555 7157" is a signature.
const BOOKING_VERBS = [
  'booked',
  'reserv(?:e|ed|ee|ees|es|ei|ado|ada|ados|adas|amos|ou|o|iert)',
  'gereserveerd',
  'prenotat[oaie]',
  'gebucht',
  'geboekt',
  'забронир\\p{L}*',
  'dipesan',
];

/** A booking verb, which speaks for a number in its own sentence only. */
export const BOOKING_VERB = new RegExp(`^(?:${BOOKING_VERBS.join('|')}|订了|订的)$`, 'u');

/** A cue that a booking reference comes next. */
export const BOOKING_CUE = new RegExp(
  `(?:(?<![\\p{L}])(?:${[...BOOKING_WORDS, ...BOOKING_VERBS].join('|')})(?![\\p{L}])|订单|预订|预定|预约|订房|订了|订的|下单|确认|凭证|编号|单号|参考号|#|n°|\\bnr\\.?|\\bno\\.)`,
  'gu',
);

/** Whether a BOOKING_CUE match is a number sign ("#", "n°", "nr.", "no."), not a word. */
export function isSign(cue: string): boolean {
  return /^(?:#|n°|nr\.?|no\.)$/.test(cue);
}

// Booking words as people mistype them ("réservtaion", "Buchnug", "броьн"): one swap, one letter
// dropped or one added. Only consulted for a number that no exact word speaks for.
const FUZZY_BOOKING_WORDS = [
  'booking',
  'dossier',
  'vorgang',
  'bestellung',
  'reservation',
  'confirmation',
  'confirmacao',
  'reservierung',
  'buchung',
  'buchungsnummer',
  'bestatigung',
  'reserva',
  'localizador',
  'confirmacion',
  'prenotazione',
  'conferma',
  'boeking',
  'boekingsnummer',
  'reservering',
  'pemesanan',
  'pesanan',
  'reservasi',
  'бронь',
  'брони',
  'бронирования',
  'заказа',
  'подтверждения',
];

/** Whether a folded word is a booking word with one typo (swap, drop or extra letter). */
export function isMistypedBookingWord(word: string): boolean {
  if (word.length < 4) return false;
  // Compounds ("Buchnugsnummer", "resevreringsnummer") carry the booking word at their start.
  return FUZZY_BOOKING_WORDS.some(
    (target) =>
      oneTypoApart(word, target) ||
      (word.length > target.length + 1 &&
        (oneTypoApart(word.slice(0, target.length), target) ||
          oneTypoApart(word.slice(0, target.length - 1), target) ||
          oneTypoApart(word.slice(0, target.length + 1), target))),
  );
}

function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const i = firstDifference(a, b);
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  const i = firstDifference(short, long);
  return short.slice(i) === long.slice(i + 1);
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
