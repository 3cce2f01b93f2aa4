import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** What the SMTP listener hands on: the message as received, with the envelope. */
export interface ReceivedSmtp {
  readonly bytes: Buffer;
  /** The envelope sender: "" for the null sender `<>`. */
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
  readonly clientHostname: string;
  readonly remoteAddress: string;
}

/** Options of the local SMTP listener. */
export interface SmtpListenerOptions {
  readonly host: string;
  readonly port: number;
  /** Above this the message is refused at the SMTP level (as SES refuses mail over 40 MB). */
  readonly hardLimitBytes: number;
  /** Answers the message: the text of the 250 reply, or throws for a 451 (try again later). */
  readonly onMessage: (message: ReceivedSmtp) => Promise<string>;
}

/** A running SMTP listener. */
export interface SmtpListener {
  readonly port: number;
  close(): Promise<void>;
}

async function readAll(stream: Readable, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    // Keep reading to the end so the client gets its answer, but stop keeping bytes past the limit.
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size <= limit ? Buffer.concat(chunks) : undefined;
}

function envelopeOf(session: SMTPServerSession, bytes: Buffer): ReceivedSmtp {
  const from = session.envelope.mailFrom;
  return {
    bytes,
    mailFrom: from ? from.address.toLowerCase() : '',
    rcptTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
    clientHostname: session.clientHostname || 'unknown',
    remoteAddress: session.remoteAddress || '127.0.0.1',
  };
}

/** A plain local SMTP listener (no TLS, no auth: it only listens on the runtime's host). */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: options.hardLimitBytes,
    banner: 'contact-router local email door',
    onData(stream, session, callback) {
      readAll(stream, options.hardLimitBytes)
        .then(async (bytes) => {
          if (!bytes) {
            const error = Object.assign(new Error(`message over ${options.hardLimitBytes} bytes refused`), {
              responseCode: 552,
            });
            return callback(error);
          }
          const answer = await options.onMessage(envelopeOf(session, bytes));
          callback(null, answer);
        })
        .catch((error: unknown) => {
          callback(
            Object.assign(new Error(`kept, processing failed: ${String(error)}`), { responseCode: 451 }),
          );
        });
    },
  });
  server.listen(options.port, options.host);
  await Promise.race([
    once(server.server, 'listening'),
    once(server, 'error').then(([e]) => Promise.reject(e)),
  ]);
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
