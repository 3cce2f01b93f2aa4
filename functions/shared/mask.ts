/** "+33612345678" → "+336•••••78": enough to tell numbers apart in logs, not to call them. */
export function maskPhone(value: string): string {
  const digits = value.replace(/^whatsapp:/, '');
  if (digits.length <= 6) return '•'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'•'.repeat(digits.length - 6)}${digits.slice(-2)}`;
}

/** "camille.martin@example.fr" → "c•••@example.fr". */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${value[0]}•••${value.slice(at)}`;
}

/** Masks a sender address of any kind. */
export function maskAddress(value: string): string {
  return value.includes('@') ? maskEmail(value) : maskPhone(value);
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+?\d[\d ().-]{6,}\d/g;
const PIN_AFTER_WORD = /\b(pin|code|passcode)(\W{0,3})\d{4}\b/gi;

/** Removes emails, phone numbers and PINs from free text before it reaches a log line. */
export function redact(text: string): string {
  return text
    .replace(EMAIL, (m) => maskEmail(m))
    .replace(PIN_AFTER_WORD, (_m, word: string, sep: string) => `${word}${sep}••••`)
    .replace(PHONE, (m) => maskPhone(m.replace(/[^\d+]/g, '')));
}
