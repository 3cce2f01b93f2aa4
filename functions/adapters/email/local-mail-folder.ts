import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InboundMail } from '../../domain/email/inbound-mail';
import { NotFoundError } from '../../domain/errors';
import type { RawMail, RawMailStore, StoredMailRef } from './stored-mail';

/** The bucket name the local folder answers to in refs. */
export const LOCAL_BUCKET = 'local';

/** An id shaped like SES's message ids (lower-case base32), so local and AWS keys look alike. */
export function newMailId(): string {
  return randomBytes(20)
    .toString('hex')
    .replace(/[^0-9a-v]/g, '0');
}

/** The local "bucket": inbound/ (raw mail as received), quarantine/, and outbox/ (acknowledgements). */
export class LocalMailFolder implements RawMailStore {
  readonly inbound: string;
  readonly quarantined: string;
  readonly outbox: string;

  constructor(readonly root: string) {
    this.inbound = join(root, 'inbound');
    this.quarantined = join(root, 'quarantine');
    this.outbox = join(root, 'outbox');
  }

  /** Keeps a received message as the S3 action would; returns its ref. */
  async store(id: string, bytes: Buffer): Promise<StoredMailRef> {
    await mkdir(this.inbound, { recursive: true });
    await writeFile(join(this.inbound, `${id}.eml`), bytes);
    return { bucket: LOCAL_BUCKET, key: `inbound/${id}.eml`, size: bytes.length, sesMessageId: id };
  }

  async read(ref: StoredMailRef): Promise<RawMail> {
    const path = join(this.root, ref.key);
    try {
      return { bytes: await readFile(path), rawRef: pathToFileURL(path).href };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('stored mail', ref.key);
      throw error;
    }
  }

  async quarantine(mail: InboundMail, reason: string): Promise<string> {
    const from = fileURLToPath(mail.rawRef);
    await mkdir(this.quarantined, { recursive: true });
    const to = join(this.quarantined, basename(from));
    await rename(from, to);
    await writeFile(`${to}.reason.txt`, `${reason}\n`);
    return pathToFileURL(to).href;
  }
}
