import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3RawMailStore } from '../../../functions/adapters/email/s3-raw-mail-store';
import { SesMailer } from '../../../functions/adapters/email/ses-mailer';
import { DependencyError } from '../../../functions/domain/errors';
import { aMail } from '../../support/email-mail';

const s3 = mockClient(S3Client);
const ses = mockClient(SESClient);

function awsError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });
}

describe('S3RawMailStore', () => {
  beforeEach(() => s3.reset());

  it('reads the raw message SES stored', async () => {
    // Prepare
    const bytes = Buffer.from('From: a@b.c\r\n\r\nhello');
    s3.on(GetObjectCommand).resolves({
      Body: { transformToByteArray: async () => new Uint8Array(bytes) } as never,
    });
    // Act
    const raw = await new S3RawMailStore(new S3Client({})).read({ bucket: 'mail', key: 'inbound/abc' });
    // Assess
    expect(raw.bytes.equals(bytes)).toBe(true);
    expect(raw.rawRef).toBe('s3://mail/inbound/abc');
    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Bucket: 'mail', Key: 'inbound/abc' });
  });

  it('turns a missing object or a throttled read into a DependencyError', async () => {
    s3.on(GetObjectCommand).rejects(awsError('NoSuchKey', 404));
    const store = new S3RawMailStore(new S3Client({}));
    const error = await store.read({ bucket: 'mail', key: 'inbound/gone' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyError);
    expect((error as DependencyError).retryable).toBe(false);
    s3.on(GetObjectCommand).rejects(awsError('SlowDown', 503));
    const slow = await store.read({ bucket: 'mail', key: 'inbound/x' }).catch((e: unknown) => e);
    expect((slow as DependencyError).retryable).toBe(true);
  });

  it('quarantines by copying under the quarantine prefix with the verdict tag, then deleting', async () => {
    // Prepare
    s3.on(CopyObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    // Act
    const where = await new S3RawMailStore(new S3Client({})).quarantine(
      aMail({ rawRef: 's3://mail/inbound/abc' }),
      'virus verdict FAIL',
    );
    // Assess
    expect(where).toBe('s3://mail/quarantine/inbound/abc');
    expect(s3).toHaveReceivedCommandWith(CopyObjectCommand, {
      Bucket: 'mail',
      Key: 'quarantine/inbound/abc',
      CopySource: 'mail/inbound/abc',
      Tagging: 'verdict=virus%20verdict%20FAIL',
    });
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Bucket: 'mail', Key: 'inbound/abc' });
  });
});

describe('SesMailer', () => {
  beforeEach(() => ses.reset());
  const email = {
    to: 'guest@example.com',
    subject: 'Re: Help [CR-7K4M2Q]',
    text: 'We have received your message.',
    inReplyTo: '<m1@example.com>',
    references: ['<m0@example.com>', '<m1@example.com>'],
    headers: {
      'Message-ID': '<ack.email-1@contact-router.local>',
      'Auto-Submitted': 'auto-replied',
      'Reply-To': 'support+cr-7k4m2q.abcdefghij@contact-router.local',
    },
  };

  it('sends raw MIME with the threading and auto-reply headers, and answers SES’s message id and Message-ID', async () => {
    // Prepare
    ses.on(SendRawEmailCommand).resolves({ MessageId: '0102018f-abc-000000' });
    // Act
    const sent = await new SesMailer(new SESClient({}), {
      from: 'support@contact-router.local',
      configurationSet: 'acks',
    }).send(email);
    // Assess
    expect(sent).toEqual({
      messageId: '0102018f-abc-000000',
      sentMessageId: '<0102018f-abc-000000@email.amazonses.com>',
    });
    const input = ses.commandCalls(SendRawEmailCommand)[0]?.args[0].input;
    expect(input?.Destinations).toEqual(['guest@example.com']);
    expect(input?.ConfigurationSetName).toBe('acks');
    const raw = Buffer.from(input?.RawMessage?.Data ?? []).toString('utf8');
    expect(raw).toMatch(/^In-Reply-To: <m1@example\.com>$/m);
    expect(raw).toMatch(/^References: <m0@example\.com> <m1@example\.com>$/m);
    expect(raw).toMatch(/^Auto-Submitted: auto-replied$/m);
    expect(raw).toMatch(/^Message-ID: <ack\.email-1@contact-router\.local>$/m);
    expect(raw).toMatch(/^Reply-To: support\+cr-7k4m2q\.abcdefghij@contact-router\.local$/m);
  });

  it('says whether a failed send may succeed later', async () => {
    const mailer = new SesMailer(new SESClient({}), { from: 'support@contact-router.local' });
    ses.on(SendRawEmailCommand).rejects(awsError('MessageRejected', 400));
    expect(await mailer.send(email).catch((e: DependencyError) => e.retryable)).toBe(false);
    ses.on(SendRawEmailCommand).rejects(awsError('ServiceUnavailable', 503));
    expect(await mailer.send(email).catch((e: DependencyError) => e.retryable)).toBe(true);
  });
});
