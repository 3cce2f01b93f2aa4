// Words that say the number after them is something other than a booking reference: a phone, a PIN,
// money, a flight, an account; and what a message word, a flight word and a money word are, for the
// rules that let them stand (`pairs-sentence.ts`, `owned-booking-word.ts`). Folded text.

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
  // Dutch "bel" is "call" as a verb, but "the bell" after an article ("de bel doet het niet").
  '(?<!(?<![\\p{L}])(?:de|een|geen|die|deze) )bel(?:len|t)?',
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

/**
 * "My number", alone: a phone, so a bare number with a trunk zero after it is not taken. Not "no",
 * which is "not" in Spanish, Italian and Portuguese ("no" right before the number is a sign).
 */
export const NUMBER_ONLY_CUE = /(?<![\p{L}])(?:number|numero|nummer|nomor|номер|nr)(?![\p{L}])|号码/u;
