import { describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../../functions/domain/booking-reference';
import { extractBookingReference } from '../../../functions/domain/classify/index';

const REF = makeBookingReference('123456789'); // 1234567897
const SPACED = '123 456 7897';
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
    ['after "№" with no space', `бронь №${REF}`],
    ['after "#"', `Booking #${REF}`],
    ['after a mistyped booking word', 'numéro de réservtaion 123 456 7897'],
    ['after a mistyped compound', 'Buchnugsnummer 123 456 7897'],
    ['after an order word', 'Bestellnummer 12345-67897'],
    ['after "pedido"', 'nº de pedido 1234 567 897'],
    ['with the booking word after it', '123 456 7897 is my booking number'],
    ['before a date with dashes', '订单号 123 456 7897 2026-02-02入住'],
    ['grouped 3-3-2-2', 'номер брони 123 456 78 97'],
    ['plain after a card word', `My card was declined twice, ${REF}`],
    ['plain after a password word', `забыл пароль. ${REF}`],
    ['plain after a door word', `the door will not open ${REF}`],
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
    ['a bare number with a trunk zero', '0612345675'],
    ['a bare number starting like a Belgian or Australian mobile', '0456789122'],
    ['the sender’s own number', REF],
    ['any part of an international number', `+44 ${REF}`],
    ['an international number with a dash', `+1-${REF}`],
    ['"my number" in groups', 'my number is 123-456-7897'],
    ['"mon numéro" in groups', 'Réservation à changer. mon numéro : 1234 567 897'],
    ['"meine Nummer" in groups', 'Buchung ändern, meine Nummer 123 456 7897'],
    ['a German "call me"', 'Buchung ändern, ruf mich an unter 123 456 7897'],
    ['"Sie erreichen mich unter"', `Buchung ändern. Sie erreichen mich unter ${REF}`],
    ['a number right after "tel."', `booking, tel. ${REF}`],
    ['a phone word just before, across a full stop', `booking. my phone. ${REF}`],
    ['a Dutch phone word', `boeking wijzigen, mijn telefoon ${REF}`],
    ['"мой номер" (folded "мои")', `бронь, мой номер ${REF}`],
    ['a number after "тел."', `бронь 2 ночи, тел. ${REF}`],
  ])('never takes %s', (name, text) => {
    const from = name.startsWith('the sender’s own number') ? `+33${REF}` : undefined;
    expect(extractBookingReference(text, from)).toBeNull();
  });

  it('takes the reference next to its booking word over a bare number', () => {
    const other = makeBookingReference('987654321');
    expect(extractBookingReference(`${other} is my old one, booking ${REF}`)).toBe(REF);
  });

  it('takes a bare number with a trunk zero that does not start like a mobile, unless it is the sender’s', () => {
    // Prepare: 0234567899 passes the check digit; +33 2 34 56 78 99 is the same number dialled from abroad
    const bare = '0234567899';
    // Assess
    expect(extractBookingReference(bare)).toBe(bare);
    expect(extractBookingReference(`my number ${bare}`)).toBeNull();
    expect(extractBookingReference(bare, '+33234567899')).toBeNull();
  });

  it('takes a bare number starting 07 or 015–017 where no ten-digit mobile starts that way, not where one does', () => {
    // Prepare: both pass the check digit; a British mobile has eleven digits (07…), a French one ten
    const sevens = makeBookingReference('073456789');
    const german = makeBookingReference('015123456');
    const text = `please change the dates ${sevens}`;
    // Assess: the sender's country, else the message's language, decides
    expect(extractBookingReference(text, '+447700900123', 'en')).toBe(sevens);
    expect(extractBookingReference(`Daten ändern ${german}`, '+4915112345678', 'de')).toBe(german);
    expect(extractBookingReference(`cambiar fechas ${sevens}`, 'ana@gmail.com', 'es')).toBe(sevens);
    expect(extractBookingReference(text, '+33612345678', 'en')).toBeNull();
    expect(extractBookingReference(`changer les dates ${sevens}`, '+447700900123', 'fr')).toBeNull();
    expect(extractBookingReference(`changer les dates ${sevens}`, 'marie@orange.fr', 'fr')).toBeNull();
    expect(extractBookingReference(text)).toBeNull();
    expect(extractBookingReference(`my number ${sevens}`, '+447700900123', 'en')).toBeNull();
  });

  it.each([
    ['"номер заявки"', `номер заявки ${SPACED}`],
    ['"nomor konfirmasi"', `nomor konfirmasi ${SPACED}`],
    ['"referentie"', `referentie ${SPACED}`],
    ['"Referenznummer"', `Referenznummer ${SPACED}`],
    ['"numero pratica"', `numero pratica ${SPACED}`],
    ['"预约号"', `预约号 ${SPACED}`],
    ['"we are booked under"', `we are booked under ${SPACED}`],
    ['after a bracket closed on words', `Buchung (laut Mail) ${SPACED}`],
  ])('finds a grouped reference after %s', (_, text) => {
    expect(extractBookingReference(text)).toBe(REF);
  });

  it('does not lend a booking word named after one number to the next sentence’s number', () => {
    // Prepare: a phone with a valid check digit on the signature line
    const phone = makeBookingReference('739542712');
    const text = `where is my refund. ${SPACED} is the booking. John Smith\n${phone}`;
    // Assess
    expect(extractBookingReference(text)).toBe(REF);
  });

  it.each([
    ['Italian', 'ancora nessun rimborso. 605,12 € richiamatemi al 2316689591'],
    ['Russian', 'можно с животными? перезвоните на 2828333191'],
    ['Dutch', 'graag terugbellen op 2316689591'],
  ])('never takes a Luhn-valid phone after a call-back word (%s)', (_language, text) => {
    expect(extractBookingReference(text)).toBeNull();
  });

  it.each([
    [
      'a booking word far back in the same sentence',
      'my booking (made through your app last Tuesday) is 123 456 7897',
    ],
    ['a French booking verb', 'j’ai réservé sous le numéro 123 456 7897'],
    ['an Italian booking verb', 'ho prenotato con il numero 123-456-7897'],
    ['a German booking verb', 'gebucht unter 123 456 7897'],
    ['a Russian booking verb', 'мы забронировали под номером 123 456 7897'],
    ['a compound ending in a booking word', 'Zimmerreservierung 123 456 7897'],
    ['"参考号"', '参考号 123 456 7897'],
    ['"Nº" (NFKC "No")', 'Nº 123 456 7897'],
    ['"№" glued to the number', '№123-456-7897'],
    ['"№" glued to a Russian word', `бронь№${REF}`],
    ['"n."', 'n. 123 456 7897'],
    ['"n" in a transcript', 'cancellazione n 1 2 3 4 5 6 7 8 9 7'],
    ['"№" in a new sentence after a money word', 'верните сумму. №123 456 7897'],
  ])('finds a grouped reference after %s', (_, text) => {
    expect(extractBookingReference(text)).toBe(REF);
  });

  it.each([
    [
      'a booking word far back, then a phone word',
      'my booking is fine but the phone number the hotel has for me is 123 456 7897',
    ],
    ['a number after the Portuguese "no" (in the)', 'estou disponível no 123 456 7897 o dia todo'],
    [
      'a number a booking word does not introduce',
      'my bookings disappeared because I cannot log into my account 123-456-7897',
    ],
    ['"tel no."', `tel no. ${REF}`],
    ['"phone #"', `phone #${REF}`],
    ['"Tel.-Nr."', 'Tel.-Nr. 123 456 7897'],
    ['"Handy-Nr.:"', 'Handy-Nr.: 123 456 7897'],
    ['a number after a message word', 'l’hotel prenotato è chiuso, scrivetemi un messaggio al 123.456.7897'],
    ['a number after "ligar"', 'a minha reserva, podem ligar-me para o 123.456.7897'],
    [
      'a signature after a booking verb in an earlier sentence',
      'we booked twice by accident.\nAnna\n123 456 7897',
    ],
  ])('never takes %s', (_, text) => {
    expect(extractBookingReference(text)).toBeNull();
  });

  it.each([
    ['English', `the phone number on the booking is ${SPACED}`],
    ['English, "tel. no."', `the tel. no. of my reservation: ${REF}`],
    ['French', `le numéro de téléphone de la réservation est ${SPACED}`],
    ['German', `die Telefonnummer in der Buchung lautet ${SPACED}`],
    ['Spanish', `el teléfono de mi reserva es ${REF}`],
    ['Italian', `il numero di telefono della prenotazione è ${SPACED}`],
    ['Portuguese', `o telefone da minha reserva é ${REF}`],
    ['Dutch', `het telefoonnummer op de boeking is ${SPACED}`],
    ['Russian', `телефон в моей брони: ${REF}`],
    ['Indonesian', `nomor telepon di pemesanan adalah ${SPACED}`],
    ['Chinese', `预订上的电话是 ${REF}`],
  ])('never takes the phone a booking word only owns (%s)', (_, text) => {
    expect(extractBookingReference(text)).toBeNull();
  });

  it.each([
    ['the booking named right before it', `the phone number on booking ${SPACED} is wrong`],
    ['a booking word after a sentence end', `my phone died. The booking is ${SPACED}`],
    ['a booking word after a comma', `my phone is off, the booking is ${SPACED}`],
    ['its own booking word after the owned one', `the phone on the booking is wrong, reference ${REF}`],
    ['a "phone booking" (made by phone)', `my phone booking is ${SPACED}`],
    ['"mon numéro" of the booking', `Mon numéro de réservation est ${SPACED}.`],
    ['a money word owning nothing', `o total da reserva é ${SPACED}`],
    ['a line break', `de app opent niet op mijn telefoon\nhet boekingsnummer is ${SPACED}`],
  ])('still takes the reference with a phone word before %s', (_, text) => {
    expect(extractBookingReference(text)).toBe(REF);
  });

  it.each([
    ['English, "booking number" as one noun', `I got a text with my booking number ${REF}`],
    ['English, read in a text', `The booking number in your text is ${SPACED}`],
    ['English, read in an SMS', `the booking number from the SMS: ${REF}`],
    ['English, far from the booking word', `The booking number in the text message you sent me is ${REF}`],
    ['French', `le numéro de réservation dans le SMS est ${SPACED}`],
    ['German', `die Buchungsnummer aus der SMS lautet ${SPACED}`],
    ['Spanish', `el número de reserva del mensaje es ${REF}`],
    ['Italian', `il numero di prenotazione nel messaggio è ${SPACED}`],
    ['Portuguese', `o número da reserva na mensagem é ${REF}`],
    ['Dutch', `het boekingsnummer in het sms'je is ${SPACED}`],
    ['Russian', `номер брони в смс: ${REF}`],
    ['Indonesian', `nomor pemesanan di sms adalah ${SPACED}`],
  ])('takes a booking number said to come from a message (%s)', (_, text) => {
    expect(extractBookingReference(text)).toBe(REF);
  });

  it.each([
    ['a WhatsApp, which is a number too', `my booking on whatsapp is ${REF}`],
    ['a message word that asks for a call back', `about my booking text me on ${REF}`],
    ['a phone word after the message word', `about the booking in my message call me on ${REF}`],
    ['a phone word after a comma', `the booking in my text, phone: ${REF}`],
    ['"reply by SMS" after the booking word', `cancel the booking and reply by SMS: ${REF}`],
  ])('never takes a number after %s', (_, text) => {
    expect(extractBookingReference(text)).toBeNull();
  });

  it.each([
    ['a long aside', `My confirmation (the one sent to my email address yesterday) says ${SPACED}`],
    ['an aside in German', `In meiner Bestätigung (gestern per E-Mail gekommen) steht ${SPACED}`],
    ['an aside in Russian', `в моём подтверждении (пришло вчера на почту) указано ${SPACED}`],
    ['an aside with a phone word, the number introduced after it', `my booking (made by phone) is ${SPACED}`],
    ['an aside with its own booking word', `Hi (booking question): ${SPACED}`],
  ])('reads a booking word across %s in brackets', (_, text) => {
    expect(extractBookingReference(text)).toBe(REF);
  });

  it.each([
    ['a call-back aside right before the number', `Booking question (please call back): ${SPACED}`],
    ['a phone aside with no word introducing the number', `my booking is confirmed (phone me) on ${SPACED}`],
  ])('never takes a number after %s', (_, text) => {
    expect(extractBookingReference(text)).toBeNull();
  });

  it('takes a bare number with a trunk zero after the Spanish "no" (not)', () => {
    expect(extractBookingReference('el ruido no nos dejó dormir 0234567899')).toBe('0234567899');
  });

  it('returns null for text without digits', () => {
    expect(extractBookingReference('no numbers here')).toBeNull();
  });
});
