import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer, OutboundEmail, SentEmail } from '../../domain/ports';
import { composeMime } from './compose-mime';

/** Mailer for the local runtime: each email becomes an .eml file in the outbox folder, nothing leaves. */
export class EmlFileMailer implements Mailer {
  private failure: Error | undefined;

  constructor(
    private readonly folder: string,
    private readonly from: string,
  ) {}

  /** Makes `send` throw this error (the mail service is down) until called with undefined. */
  failWith(error: Error | undefined): void {
    this.failure = error;
  }

  async send(email: OutboundEmail): Promise<SentEmail> {
    if (this.failure) throw this.failure;
    // Like SES, the outbox assigns its own id; the Message-ID we asked for stays in the file.
    const id = randomUUID();
    const raw = await composeMime(email, this.from);
    await mkdir(this.folder, { recursive: true });
    await writeFile(join(this.folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`), raw);
    return { messageId: `<${id}@outbox.local>` };
  }
}
