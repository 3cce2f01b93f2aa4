import nodemailer from 'nodemailer';

/** Where and how to send a raw message over SMTP. */
export interface SmtpTarget {
  readonly host: string;
  readonly port: number;
  /** Envelope recipient: the door's address by default. */
  readonly to: string;
}

// The envelope sender of a saved message is its Return-Path (null for a bounce), else its From.
function envelopeFrom(raw: Buffer): string {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const returnPath = /^return-path:\s*<?([^>\r\n]*)>?/im.exec(headers);
  if (returnPath) return (returnPath[1] ?? '').trim();
  const from = /^(?:from|sender):.*?([^\s<>"]+@[^\s<>"]+)/im.exec(headers);
  return from?.[1] ?? '';
}

/** Sends a raw message to the local SMTP door; answers the door's reply line. */
export async function sendRaw(raw: Buffer, target: SmtpTarget): Promise<string> {
  const transport = nodemailer.createTransport({
    host: target.host,
    port: target.port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await transport.sendMail({ envelope: { from: envelopeFrom(raw), to: [target.to] }, raw });
    return info.response;
  } finally {
    transport.close();
  }
}
