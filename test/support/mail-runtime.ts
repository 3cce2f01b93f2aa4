// The local runtime with its real SMTP door on a free port, for the tests that write to it as a mail
// server would; the process environment it needs is set before the start and restored after.
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll } from 'vitest';
import { readConfig } from '../../local/config';
import { emailDoorAddress } from '../../local/doors/email-door';
import { type Runtime, startRuntime } from '../../local/runtime';

/** A started runtime (in-memory data), an SMTP client to its door, and the door's .eml outbox folder. */
export interface MailRuntime {
  readonly runtime: Runtime;
  readonly smtp: Transporter;
  readonly outbox: string;
}

/**
 * Starts a MailRuntime for the describe block it is called in (closed after it) at the runtime clock
 * `now`, with `env` (e.g. EMAIL_SENDER_PROOF) set while it runs; returns its accessor.
 */
export function useMailRuntime(now: string, env: Record<string, string> = {}): () => MailRuntime {
  const settings = { ...env, SMTP_PORT: '0' };
  const saved = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  let started: MailRuntime | undefined;
  beforeAll(async () => {
    Object.assign(process.env, settings);
    const runtime = await startRuntime({
      ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: now }),
      dataDir: 'memory',
    });
    const door = emailDoorAddress(runtime.banner);
    if (!door) throw new Error(`no email door in the banner: ${runtime.banner.join(' | ')}`);
    const smtp = nodemailer.createTransport({
      host: '127.0.0.1',
      port: door.port,
      secure: false,
      ignoreTLS: true,
    });
    started = { runtime, smtp, outbox: door.outbox };
  });
  afterAll(async () => {
    started?.smtp.close();
    await started?.runtime.close();
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });
  return () => {
    if (!started) throw new Error('the mail runtime has not started');
    return started;
  };
}
