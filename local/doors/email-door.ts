import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEmailSettings } from '../../functions/adapters/email/email-settings';
import { EmlFileMailer } from '../../functions/adapters/email/eml-file-mailer';
import { hmacSigner } from '../../functions/adapters/email/hmac-signer';
import { LOCAL_BUCKET, LocalMailFolder, newMailId } from '../../functions/adapters/email/local-mail-folder';
import { receiveStoredMail, type StoredMailDeps } from '../../functions/adapters/email/receive-stored-mail';
import { EmailMessenger } from '../../functions/domain/email/email-messenger';
import type { MailOutcome } from '../../functions/domain/email/receive-mail';
import type { ContactRecord } from '../../functions/domain/ports';
import type { LocalApp } from '../app';
import { ConfigError, type LocalConfig } from '../config';
import type { Faultable } from '../http/fault-routes';
import type { LocalDoor, StartedDoor } from './door';
import { type ReceivedSmtp, startSmtpListener } from './email-smtp';

/** The local door's defaults: our address and the SMTP port. */
export const LOCAL_EMAIL = { from: 'support@contact-router.local', port: 2525 } as const;

// The signing key survives restarts with the data, so replies to yesterday's acknowledgements still thread.
function signingKey(root: string, env: NodeJS.ProcessEnv): string {
  if (env.REPLY_SIGNING_KEY) return env.REPLY_SIGNING_KEY;
  const file = join(root, 'signing-key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const key = randomBytes(32).toString('hex');
    mkdirSync(root, { recursive: true });
    writeFileSync(file, key, { mode: 0o600 });
    return key;
  }
}

/** The mail folder and the use case's deps of the local door, over the runtime's app. */
export function localEmailDeps(app: LocalApp, root: string, env: NodeJS.ProcessEnv = process.env) {
  // No SPF/DKIM/DMARC here, so a From matching a booking counts (see README); and one process handles a
  // message in milliseconds, so a claim 15 s old belongs to a runtime that died.
  const settings = readEmailSettings(
    { EMAIL_SENDER_PROOF: 'none', EMAIL_CLAIM_STALE_SECONDS: '15', ...env },
    LOCAL_EMAIL.from,
  );
  const folder = new LocalMailFolder(root);
  const mailer = new EmlFileMailer(folder.outbox, settings.ourAddress);
  const sign = hmacSigner(signingKey(root, env));
  // Every email deliver sends (acknowledgements, later agent replies) goes through this door's mailer.
  app.messengers.email = new EmailMessenger({
    mailer,
    ourAddress: settings.ourAddress,
    sign,
    remember: (ids, ref) => app.cases.rememberMessageIds(ids, ref),
  });
  const deps: StoredMailDeps = {
    intake: app.intake,
    store: app.cases,
    deliver: app.outbound.deliver,
    outbound: app.outbound.ledger,
    raw: folder,
    quarantine: folder,
    sign,
    settings,
    maxBytes: settings.maxBytes,
  };
  return { folder, deps, mailer };
}

// The fault switch is wired with the HTTP routes, before the door starts and makes its mailer.
const wantedFailure = new WeakMap<LocalApp, Error | undefined>();
const startedMailers = new WeakMap<LocalApp, EmlFileMailer>();
const startedFolders = new WeakMap<LocalApp, LocalMailFolder>();

/** The started door's mail folder (raw mail and sent acknowledgements), for erasure. */
export function localMailFolderOf(app: LocalApp): LocalMailFolder | undefined {
  return startedFolders.get(app);
}

/** The door's outbox mailer as a part of `PUT /api/faults` ("mailer"): acknowledgements fail on command. */
export function outboxMailerFaults(app: LocalApp): Faultable {
  return {
    failWith(error) {
      wantedFailure.set(app, error);
      startedMailers.get(app)?.failWith(error);
    },
  };
}

/**
 * Sends the acknowledgements left pending by a failed send. In AWS the failed message comes back through
 * SQS under the same id, so its contact's pending reply is sent then; a mail server retrying over SMTP
 * arrives here under a new id and is a duplicate (no acknowledgement), so the door replays the raw
 * message it kept, under its first id, once the mailer works again.
 */
export async function resendPendingAcknowledgements(
  app: LocalApp,
  deps: StoredMailDeps,
  inFlight: ReadonlySet<string>,
): Promise<{ pending: number; sent: number }> {
  const unsent = (await app.outbound.ledger.list(Number.POSITIVE_INFINITY)).filter(
    (message) =>
      message.channel === 'email' && message.kind === 'acknowledgement' && message.status === 'pending',
  );
  const contacts = await Promise.all(unsent.map((m) => app.cases.getContact(m.inReplyTo?.[0] ?? '')));
  // A message this door is handling right now may be about to send its own acknowledgement.
  const pending = contacts.filter(
    (record): record is ContactRecord => record !== undefined && !inFlight.has(record.channelMessageId),
  );
  let sent = 0;
  for (const record of pending) {
    const id = record.channelMessageId;
    const outcome = await receiveStoredMail(deps, {
      bucket: LOCAL_BUCKET,
      key: `inbound/${id}.eml`,
      sesMessageId: id,
      recipients: [record.to],
      receivedAt: record.receivedAt,
    });
    if (outcome.ack.delivery === 'sent') sent++;
  }
  return { pending: pending.length, sent };
}

/** The SMTP answer that tells the sender (and `npm run email`) what became of the message. */
export function describeOutcome(id: string, outcome: MailOutcome): string {
  const ack = outcome.ack.reason ? `${outcome.ack.delivery} (${outcome.ack.reason})` : outcome.ack.delivery;
  const why = outcome.noReplyReason ? `; no-reply ${outcome.noReplyReason}` : '';
  return `queued as ${id}; ${outcome.status}; case ${outcome.caseNumber ?? '-'}; ack ${ack}${why}`;
}

// What an MTA adds at final delivery: the envelope sender and our hop.
function traceHeaders(id: string, message: ReceivedSmtp, now: Date): Buffer {
  const rcpt = message.rcptTo[0] ?? 'unknown';
  return Buffer.from(
    `Return-Path: <${message.mailFrom}>\r\nReceived: from ${message.clientHostname} ([${message.remoteAddress}]) by contact-router.local with SMTP id ${id} for <${rcpt}>; ${now.toUTCString()}\r\n`,
  );
}

/**
 * Where the email door of a started runtime listens and writes acknowledgements, read from its own
 * banner line (tests, benches and CLIs start runtimes on port 0 and need the port it picked).
 */
export function emailDoorAddress(banner: readonly string[]): { port: number; outbox: string } | undefined {
  const line = banner.find((l) => l.startsWith('email '));
  const port = Number(/smtp:\/\/[^\s:]+:(\d+)/.exec(line ?? '')?.[1]);
  if (!line || !Number.isInteger(port)) return undefined;
  return { port, outbox: /acknowledgements (\S+)\)/.exec(line)?.[1] ?? '' };
}

/** `npm start`'s email door: SMTP on SMTP_PORT (default 2525) into the local bucket, then the same use case. */
export const emailDoor: LocalDoor = {
  name: 'email',
  async start(app: LocalApp, config: LocalConfig): Promise<StartedDoor> {
    const temporary = config.dataDir === 'memory';
    const root = temporary
      ? mkdtempSync(join(tmpdir(), 'contact-router-mail-'))
      : join(config.dataDir, 'mail');
    const { folder, deps, mailer } = localEmailDeps(app, root);
    mailer.failWith(wantedFailure.get(app));
    startedMailers.set(app, mailer);
    startedFolders.set(app, folder);
    // Set when a send failed: the retry beat then looks for pending acknowledgements (and at start, after a crash).
    let unsent = true;
    let resending: Promise<string | undefined> | undefined;
    const inFlight = new Set<string>();
    const options = {
      host: config.host,
      hardLimitBytes: Math.max(50_000_000, deps.maxBytes * 2),
      onMessage: async (message: ReceivedSmtp) => {
        const id = newMailId();
        const bytes = Buffer.concat([traceHeaders(id, message, app.clock.now()), message.bytes]);
        const ref = await folder.store(id, bytes);
        inFlight.add(id);
        try {
          return describeOutcome(id, await receiveStoredMail(deps, { ...ref, recipients: message.rcptTo }));
        } catch (error) {
          unsent = true;
          throw error;
        } finally {
          inFlight.delete(id);
        }
      },
    };
    const asked = process.env.SMTP_PORT;
    // PORT=0 (tests, several runtimes side by side) picks free ports; so does the SMTP door then.
    const port =
      asked !== undefined && asked !== '' ? Number(asked) : config.port === 0 ? 0 : LOCAL_EMAIL.port;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new ConfigError(`SMTP_PORT must be 0-65535, got "${asked}"`);
    let note = '';
    const listener = await startSmtpListener({ ...options, port }).catch(
      async (error: NodeJS.ErrnoException) => {
        // The default port taken (another runtime, a local MTA) is no reason to stop; an asked-for one is.
        if (error.code !== 'EADDRINUSE' || asked) throw error;
        note = ` (${port} was busy)`;
        return startSmtpListener({ ...options, port: 0 });
      },
    );
    return {
      banner: [
        `email        smtp://${config.host}:${listener.port}${note}  (from ${deps.settings.ourAddress}; raw mail ${folder.inbound}, acknowledgements ${folder.outbox})`,
      ],
      retry: async () => {
        if (!unsent || resending) return resending;
        unsent = false;
        resending = resendPendingAcknowledgements(app, deps, inFlight)
          .then(
            ({ pending, sent }) => {
              if (sent < pending) unsent = true;
              return pending > 0
                ? `email: ${sent} of ${pending} pending acknowledgements sent again`
                : undefined;
            },
            (error: unknown) => {
              unsent = true;
              throw error;
            },
          )
          .finally(() => {
            resending = undefined;
          });
        return resending;
      },
      close: async () => {
        startedMailers.delete(app);
        startedFolders.delete(app);
        await listener.close();
        if (temporary) rmSync(root, { recursive: true, force: true });
      },
    };
  },
};
