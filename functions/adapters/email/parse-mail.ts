import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type {
  AttachmentRef,
  FromField,
  HeaderLine,
  InboundMail,
  MailVerdicts,
} from '../../domain/email/inbound-mail';
import { ValidationError } from '../../domain/errors';
import { parseMessageIds } from './message-ids';
import { sesVerdictsOf } from './ses-verdicts';

/** What the door knows about a raw message besides its bytes. */
export interface RawMailMeta {
  readonly id: string;
  readonly rawRef: string;
  /** Envelope recipients (SES receipt, SMTP RCPT TO); the To/Cc headers stand in when absent. */
  readonly recipients?: readonly string[] | undefined;
  readonly receipt?: MailVerdicts | undefined;
  readonly receivedAt: string;
  /** Over this size only the header block is read. */
  readonly limitBytes: number;
}

// Headers of an oversized mail are read from its start; no sane header block is bigger than this.
const HEAD_BYTES = 256 * 1024;
const EMBEDDED_TYPES = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/global',
  'message/global-headers',
]);
const MESSAGE_ID_LINE = /^(?:original-)?message-id:\s*(<[^<>\s]+>)/gim;

function headerLines(parsed: ParsedMail): HeaderLine[] {
  return parsed.headerLines.map(({ key, line }) => {
    const unfolded = line.replace(/\r?\n[ \t]+/g, ' ');
    const colon = unfolded.indexOf(':');
    return { name: key.toLowerCase(), value: colon >= 0 ? unfolded.slice(colon + 1).trim() : '' };
  });
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  const out: string[] = [];
  const walk = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.address) out.push(entry.address.trim().toLowerCase());
      if (entry.group) walk(entry.group);
    }
  };
  for (const object of objects) walk(object.value);
  return out;
}

function fromFieldOf(parsed: ParsedMail, lines: readonly HeaderLine[]): FromField {
  const objects: AddressObject[] = Array.isArray(parsed.from)
    ? parsed.from
    : parsed.from
      ? [parsed.from]
      : [];
  return {
    headers: lines.filter((h) => h.name === 'from').length,
    addresses: addresses(parsed.from),
    group: objects.some((o) => o.value.some((entry) => entry.group !== undefined)),
  };
}

function returnPathOf(lines: readonly HeaderLine[]): string | undefined {
  const raw = lines.find((h) => h.name === 'return-path')?.value;
  if (raw === undefined) return undefined;
  return raw.replace(/[<>\s]/g, '').toLowerCase();
}

function headOf(raw: Buffer): Buffer {
  const head = raw.subarray(0, HEAD_BYTES);
  const text = head.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return Buffer.concat([end >= 0 ? head.subarray(0, end) : head, Buffer.from('\r\n\r\n')]);
}

function embeddedIds(parsed: ParsedMail, text: string): string[] {
  const ids: string[] = [];
  for (const a of parsed.attachments) {
    if (!EMBEDDED_TYPES.has(a.contentType.toLowerCase())) continue;
    const content = a.content.toString('utf8');
    const head = content.slice(0, Math.max(0, content.search(/\r?\n\r?\n/)) || content.length);
    for (const m of head.replace(/\r?\n[ \t]+/g, ' ').matchAll(MESSAGE_ID_LINE)) ids.push(m[1] as string);
  }
  // Some bounces (Gmail's plain-text ones) quote the original headers in the body instead.
  for (const m of text.slice(0, 100_000).matchAll(MESSAGE_ID_LINE)) ids.push(m[1] as string);
  return [...new Set(ids)];
}

/**
 * Parses raw MIME into the domain's InboundMail: any charset mailparser knows (through iconv-lite),
 * quoted-printable and base64, HTML-only mail as text, attachments as references only. A message over
 * the size limit has only its headers read. Fails with a ValidationError, never with a library error.
 */
export async function parseMail(raw: Buffer, meta: RawMailMeta): Promise<InboundMail> {
  const oversized = raw.length > meta.limitBytes;
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(oversized ? headOf(raw) : raw, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 2_000_000,
    });
  } catch (error) {
    throw new ValidationError('mail', `cannot parse the message ${meta.id}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const headers = headerLines(parsed);
  const contentType = parsed.headers.get('content-type') as
    | { value?: string; params?: Record<string, string> }
    | undefined;
  const text = parsed.text ?? '';
  const to = addresses(parsed.to);
  const cc = addresses(parsed.cc);
  const attachments: AttachmentRef[] = parsed.attachments.map((a) => ({
    filename: a.filename,
    contentType: a.contentType.toLowerCase(),
    size: a.size,
  }));
  const sender = parsed.headers.get('sender') as AddressObject | undefined;
  return {
    id: meta.id,
    rawRef: meta.rawRef,
    sizeBytes: raw.length,
    headers,
    from: addresses(parsed.from)[0],
    fromField: fromFieldOf(parsed, headers),
    replyTo: addresses(parsed.replyTo)[0],
    sender: sender ? addresses(sender)[0] : undefined,
    returnPath: returnPathOf(headers),
    to,
    cc,
    recipients: (meta.recipients ?? [...to, ...cc]).map((r) => r.toLowerCase()),
    subject: (parsed.subject ?? '').trim(),
    text,
    messageId: parseMessageIds(parsed.messageId)[0],
    inReplyTo: headers.filter((h) => h.name === 'in-reply-to').flatMap((h) => parseMessageIds(h.value)),
    references: headers.filter((h) => h.name === 'references').flatMap((h) => parseMessageIds(h.value)),
    contentType: (contentType?.value ?? 'text/plain').toLowerCase(),
    reportType: contentType?.params?.['report-type']?.toLowerCase(),
    attachments,
    embeddedMessageIds: embeddedIds(parsed, text),
    verdicts: sesVerdictsOf(headers, meta.receipt),
    oversized: oversized ? { limitBytes: meta.limitBytes } : undefined,
    receivedAt: meta.receivedAt,
  };
}
