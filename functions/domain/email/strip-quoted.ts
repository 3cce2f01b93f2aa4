// Lines that open the quoted history in the clients our guests use, in the ten served languages and the
// usual Outlook/Gmail forms. Everything from such a line on is history the agents already have.
const ATTRIBUTION = [
  /^On .{0,200}wrote:?\s*$/i,
  /^Le .{0,200}a écrit\s*:?\s*$/i,
  /^Am .{0,200}schrieb .{0,100}:?\s*$/i,
  /^El .{0,200}escribió:?\s*$/i,
  /^Il giorno .{0,200}ha scritto:?\s*$/i,
  /^Em .{0,200}escreveu:?\s*$/i,
  /^Op .{0,200}schreef .{0,100}:?\s*$/i,
  /^Pada .{0,200}menulis:?\s*$/i,
  /^.{0,200}(написал|пишет)\(?а?\)?:?\s*$/i,
  /^.{0,100}(写道|寫道)[:：]?\s*$/,
  /^-{2,}\s*(Original Message|Message d'origine|Ursprüngliche Nachricht|Mensaje original|Messaggio originale|Mensagem original|Oorspronkelijk bericht|Исходное сообщение|原始邮件)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
];
// Outlook writes its header block without an attribution line: "From:" followed soon by "Sent:"/"Date:".
const OUTLOOK_NEXT =
  /^(Sent|Date|Envoyé|Gesendet|Enviado|Inviato|Verzonden|Отправлено|发送时间|Dikirim)\s*[:：]/i;
const SIGNATURE = [
  /^-- ?$/,
  /^(Sent from my|Envoyé de mon|Von meinem .* gesendet|Enviado desde mi|Inviato da|Enviado do meu|Verzonden vanaf mijn)\b/i,
];

function isHistoryStart(lines: readonly string[], i: number): boolean {
  const line = (lines[i] ?? '').trim();
  const header = /^(From|De|Von|Da|Van|От|发件人|Dari)\s*[:：]/i.test(line);
  if (header) return lines.slice(i + 1, i + 4).some((next) => OUTLOOK_NEXT.test(next.trim()));
  return ATTRIBUTION.some((pattern) => pattern.test(line));
}

/**
 * The new part of a reply: quoted history (">" lines, "On … wrote:" and its translations, Outlook's header
 * block) and the signature are cut before classification. The whole body is kept elsewhere; when
 * nothing would remain (a mail that is only a quote) the original text is returned.
 */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isHistoryStart(lines, i)) break;
    if (SIGNATURE.some((pattern) => pattern.test(line.trimEnd()))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  const result = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return result.length > 0 ? result : text.trim();
}
