import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RawMailEraser } from '../../domain/privacy/erasure-ports';
import { toDependencyError } from '../sdk-error';

const S3_REF = /^s3:\/\/([^/]+)\/(.+)$/;

/**
 * The raw-mail bucket's eraser: deletes the object SES stored and its quarantined copy. DeleteObject
 * succeeds whether or not the key exists (S3 API reference, DeleteObject), so a repeat costs nothing;
 * the count is of refs erased. Replies left through SES, which keeps no copy: nothing to delete there.
 */
export class S3MailEraser implements RawMailEraser {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly quarantinePrefix = 'quarantine/',
  ) {}

  async eraseReceived(rawRef: string): Promise<boolean> {
    const match = S3_REF.exec(rawRef);
    // Only our own bucket: a ref naming another one is not ours to delete from.
    if (!match || match[1] !== this.bucket) return false;
    const key = match[2] as string;
    try {
      for (const Key of [key, `${this.quarantinePrefix}${key}`])
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    } catch (error) {
      throw toDependencyError('s3', 'erase raw mail', error);
    }
    return true;
  }

  async eraseSent(): Promise<number> {
    return 0;
  }
}
