import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { InboundMail } from '../../domain/email/inbound-mail';
import { ValidationError } from '../../domain/errors';
import { toDependencyError } from '../sdk-error';
import type { RawMail, RawMailStore, StoredMailRef } from './stored-mail';

function parseS3Ref(rawRef: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(rawRef);
  if (!match) throw new ValidationError('rawRef', `not an S3 location: ${rawRef}`);
  return { bucket: match[1] as string, key: match[2] as string };
}

/** The raw mail SES's S3 action wrote; quarantine moves an object under its own prefix, tagged with why. */
export class S3RawMailStore implements RawMailStore {
  constructor(
    private readonly client: S3Client,
    private readonly quarantinePrefix = 'quarantine/',
  ) {}

  async read(ref: StoredMailRef): Promise<RawMail> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
      if (!out.Body) throw new ValidationError('object', `s3://${ref.bucket}/${ref.key} has no body`);
      return {
        bytes: Buffer.from(await out.Body.transformToByteArray()),
        rawRef: `s3://${ref.bucket}/${ref.key}`,
      };
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      throw toDependencyError('s3', 'read raw mail', error);
    }
  }

  async quarantine(mail: InboundMail, reason: string): Promise<string> {
    const { bucket, key } = parseS3Ref(mail.rawRef);
    const target = `${this.quarantinePrefix}${key}`;
    try {
      // Copy then delete: a crash between them leaves two copies, never none.
      await this.client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: target,
          CopySource: `${bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}`,
          TaggingDirective: 'REPLACE',
          Tagging: `verdict=${encodeURIComponent(reason)}`,
        }),
      );
      await this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      throw toDependencyError('s3', 'quarantine raw mail', error);
    }
    return `s3://${bucket}/${target}`;
  }
}
