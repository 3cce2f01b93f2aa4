// What auto-responders put before the original subject, in the ten languages the platform serves (the
// Outlook / Exchange "Automatic reply:" family in each language, and the common out-of-office forms).
// Each must be followed by a colon or end the subject: "Out of office question" or "Re: out of office" is
// a person asking, "Out of Office: Re: my booking" is a responder.
const PREFIXES = [
  // en
  'automatic reply',
  'auto[- ]?reply',
  'auto[- ]?response',
  'automatic response',
  'out of (?:the )?office(?: auto ?reply)?',
  'away from (?:the )?office',
  'vacation (?:reply|response|auto ?reply)',
  // de
  'automatische antwort',
  'abwesenheitsnotiz',
  'automatische abwesenheitsnotiz',
  'abwesenheit',
  'nicht im büro',
  // fr
  'réponse automatique',
  'reponse automatique',
  'absence du bureau',
  'absent du bureau',
  "message d'absence",
  // es
  'respuesta automática',
  'respuesta automatica',
  'fuera de (?:la )?oficina',
  // it
  'risposta automatica',
  'fuori (?:sede|ufficio)',
  // pt
  'resposta automática',
  'resposta automatica',
  'fora do escritório',
  'ausente do escritório',
  // nl
  'automatisch antwoord',
  'afwezigheidsbericht',
  'afwezig',
  'buiten kantoor',
  // ru
  'автоматический ответ',
  'автоответ',
  'вне офиса',
  'нет на месте',
  // zh
  '自动回复',
  '自動回覆',
  '自动答复',
  '自動回復',
  // id
  'balasan otomatis',
  'jawaban otomatis',
  'di luar kantor',
];

const PREFIX = new RegExp(`^\\s*(?:${PREFIXES.join('|')})\\s*(?:[:：]|$)`, 'iu');
// AOL's responder appends "(Automatic Response)"; Lotus Notes writes "AUTO: <name> is out of the office
// (returning …)", and only with its sentence: a guest's "Auto: Mietwagen" is about a car.
const SUFFIX = /\((?:automatic response|auto[- ]?reply|réponse automatique|automatische antwort)\)\s*$/iu;
const LOTUS_NOTES =
  /^AUTO:\s.*\b(?:is out of (?:the )?office|ist außer Haus|ist abwesend|est absent|está ausente|è assente|is afwezig)/u;

/** Whether a subject is the one an auto-responder writes (any of the ten languages). */
export function isAutoReplySubject(subject: string): boolean {
  return PREFIX.test(subject) || SUFFIX.test(subject) || LOTUS_NOTES.test(subject);
}
