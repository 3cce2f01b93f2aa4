// Words that say "a booking reference follows", in the ten languages, matched on folded text
// (lower case, no accents). The last cue before a number decides what the number is.
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

// Message words: "text me on …", "scrivetemi un messaggio al …", "пишите в смс на …" ask for a phone,
// though "the booking number in your text is …" names where a reference was read.
const MESSAGE_WORDS = [
  'text',
  'sms',
  'message',
  'messaggi\\p{L}*',
  'mensaje\\p{L}*',
  'mensage\\p{L}*',
  'nachricht\\p{L}*',
  'texto',
  'смс',
  'сообщени\\p{L}*',
];

/** A whole folded word that names a message (not WhatsApp, which is a number too). */
export const MESSAGE_WORD = new RegExp(`^(?:${MESSAGE_WORDS.join('|')})$`, 'u');

// Flight and money words: what happened or what it cost, not whose number it is (folded: "рейс" is "реис").
const FLIGHT_WORDS = [
  'flight',
  'vol',
  'flug',
  'vuelo',
  'volo',
  'voo',
  'vlucht',
  'penerbangan',
  'реис\\p{L}*',
];
const MONEY_WORDS = [
  'total',
  'amount',
  'montant',
  'betrag',
  'importe',
  'importo',
  'valor',
  'bedrag',
  'jumlah',
  'сумм\\p{L}*',
];
/** A whole flight word, as OTHER_CUE finds it. */
export const FLIGHT_WORD = new RegExp(`^(?:${FLIGHT_WORDS.join('|')}|航班)$`, 'u');
/** A whole money word, as OTHER_CUE finds it. */
export const MONEY_WORD = new RegExp(`^(?:${MONEY_WORDS.join('|')}|金额)$`, 'u');

// Words that say the number after them is something else: phone, PIN, money, flight, account. (Card,
// door and password words are not here: a card number never has ten digits, codes and passwords are
// short, and "my card was declined 1234567897" is a reference.)
const OTHER_WORDS = [
  'phone',
  'tel',
  'telephone',
  'call',
  'mobile',
  'cell',
  'whatsapp',
  'fax',
  ...MESSAGE_WORDS,
  'pin',
  'pincode',
  'cvv',
  'cvc',
  'contact\\p{L}*',
  'reach',
  'joindre',
  'rappel\\p{L}*',
  'erreich\\p{L}*',
  'contatt\\p{L}*',
  'contat\\p{L}*',
  'bereik\\p{L}*',
  'kontak\\p{L}*',
  'связ\\p{L}*',
  'ring',
  'iban',
  'account (?:no|number)',
  'kontonummer',
  'rekeningnummer',
  'portable',
  'appel\\p{L}*',
  'handy',
  'telefon\\p{L}*',
  // Dutch: "telefoon", "telefoonnummer".
  'telefoon\\p{L}*',
  'anruf\\p{L}*',
  'ruf\\p{L}*',
  'ruckruf\\p{L}*',
  // "My number", alone, is a phone ("my booking number" has a booking word in between).
  'my (?:phone )?(?:number|no|#)',
  'mon numero',
  'meine nummer',
  'mi numero',
  'il mio numero',
  'o meu numero',
  'meu numero',
  'mijn nummer',
  // Folded: "й" loses its breve.
  'мои номер',
  'nomor saya',
  'nomorku',
  'movil',
  'llam\\p{L}*',
  'celular',
  'cellulare',
  'chiam\\p{L}*',
  // Call-back words ("richiamatemi al …", "перезвоните на …", "terugbellen op …").
  'richiam\\p{L}*',
  'telemovel',
  'ligue\\p{L}*',
  'ligar',
  'bel(?:len|t)?',
  'terugbel\\p{L}*',
  'mobiel',
  'hp',
  'wa',
  'telepon',
  'telp',
  'hubungi',
  ...FLIGHT_WORDS,
  ...MONEY_WORDS,
  'телефон\\p{L}*',
  'тел',
  'моб',
  'звон\\p{L}*',
  'позвон\\p{L}*',
  'перезвон\\p{L}*',
  'мобильн\\p{L}*',
  'пин',
];

/** A cue that the number after it is not a booking reference. */
export const OTHER_CUE = new RegExp(
  `(?:(?<![\\p{L}])(?:${OTHER_WORDS.join('|')})(?![\\p{L}])|电话|手机|致电|回电|联系|短信|微信|我的号码|卡号|航班|金额)`,
  'gu',
);

/** Currency next to a number makes it a price. */
export const CURRENCY_BEFORE = /(?:[$€£¥₽]|\b(?:eur|usd|gbp|chf|rub|rp|idr|rmb|cny|r\$|us\$))\s?$/i;
/** Currency right after a number makes it a price. */
export const CURRENCY_AFTER =
  /^\s?(?:[$€£¥₽元]|(?:eur|euros?|usd|dollars?|gbp|chf|rub|руб\w*|rp|idr|rupiah|rmb|cny|yuan|reais|real)(?![\p{L}]))/iu;

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

/**
 * "My number", alone: a phone, so a bare number with a trunk zero after it is not taken. Not "no",
 * which is "not" in Spanish, Italian and Portuguese ("no" right before the number is a sign).
 */
export const NUMBER_ONLY_CUE = /(?<![\p{L}])(?:number|numero|nummer|nomor|номер|nr)(?![\p{L}])|号码/u;
