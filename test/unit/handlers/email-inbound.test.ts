import { readFileSync } from 'node:fs';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredMailDeps } from '../../../functions/adapters/email/receive-stored-mail';
import { S3RawMailStore } from '../../../functions/adapters/email/s3-raw-mail-store';
import { SesMailer } from '../../../functions/adapters/email/ses-mailer';
import { emailInboundHandler } from '../../../functions/handlers/email-inbound';
import { logger } from '../../../functions/shared/logger';
import { emailDepsFor } from '../../support/email-deps';
import { type IntakeHarness, startIntakeHarness } from '../../support/intake-harness';

const s3 = mockClient(S3Client);
const ses = mockClient(SESClient);
const event = JSON.parse(
  readFileSync('test/fixtures/email/events/s3-notification-in-sqs.json', 'utf8'),
) as SQSEvent;
const fixture = readFileSync('test/fixtures/email/windows-1252-qp.eml');
// Third-party event samples, read in place (../shared/fixtures, see its MANIFEST.md).
const SHARED_EVENTS = `${process.env.FIXTURES_DIR ?? '../shared/fixtures'}/events`;

function recordFor(key: string, messageId: string): SQSRecord {
  const record = structuredClone(event.Records[0]) as SQSRecord;
  const body = JSON.parse(record.body);
  body.Records[0].s3.object.key = key;
  return { ...record, messageId, body: JSON.stringify(body) };
}

function objectBody(bytes: Buffer) {
  return { Body: { transformToByteArray: async () => new Uint8Array(bytes) } as never };
}

describe('email-inbound handler', () => {
  let h: IntakeHarness;
  let handler: ReturnType<typeof emailInboundHandler>;
  let ledger: StoredMailDeps['outbound'];

  beforeAll(async () => {
    h = await startIntakeHarness(new Date('2026-11-23T10:00:00.000Z'));
    const deps = emailDepsFor(
      h,
      new S3RawMailStore(new S3Client({})),
      new SesMailer(new SESClient({}), { from: 'support@contact-router.local' }),
    );
    ledger = deps.outbound;
    handler = emailInboundHandler(async () => deps);
  });
  afterAll(() => h.db.stop());
  beforeEach(() => {
    s3.reset();
    ses.reset();
    ses.on(SendRawEmailCommand).resolves({ MessageId: '0102018f-handler-000000' });
  });

  it('reads the object the S3 notification names, records a case and acknowledges through SES', async () => {
    // Prepare
    s3.on(GetObjectCommand).resolves(objectBody(fixture));
    // Act
    const result = await handler(structuredClone(event), {} as Context);
    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, {
      Bucket: 'contact-router-raw-mail',
      Key: 'inbound/o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1',
    });
    const contact = await h.cases.getContact('email:o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1');
    expect(contact?.subject).toBe('Réception fermée');
    expect((await ledger.get(contact?.reply?.messageId ?? ''))?.status).toBe('sent');
    expect(ses).toHaveReceivedCommandTimes(SendRawEmailCommand, 1);
  });

  it('changes nothing and sends nothing when the same notification comes again', async () => {
    s3.on(GetObjectCommand).resolves(objectBody(fixture));
    const result = await handler(structuredClone(event), {} as Context);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(ses).toHaveReceivedCommandTimes(SendRawEmailCommand, 0);
  });

  it('reports only the records that failed, so SQS retries them and then keeps them on the DLQ', async () => {
    // Prepare
    s3.on(GetObjectCommand, { Key: 'inbound/ok1' }).resolves(
      objectBody(readFileSync('test/fixtures/email/koi8-r-qp.eml')),
    );
    s3.on(GetObjectCommand, { Key: 'inbound/missing' }).rejects(
      Object.assign(new Error('gone'), { name: 'NoSuchKey' }),
    );
    const batch: SQSEvent = {
      Records: [
        recordFor('inbound/ok1', 'sqs-1'),
        recordFor('inbound/missing', 'sqs-2'),
        { ...recordFor('inbound/x', 'sqs-3'), body: 'not json' },
      ],
    };
    // Act
    const result = await handler(batch, {} as Context);
    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-2' }, { itemIdentifier: 'sqs-3' }]);
    expect((await h.cases.getContact('email:ok1'))?.text).toContain('Бронирование');
  });

  it("skips SES's setup notification without reading it: no case, no task, no acknowledgement, no retry", async () => {
    // Prepare: the project's S3-in-SQS event and a third-party one (powertools), both naming the object
    // SES writes when the receipt rule is created
    const shared = JSON.parse(
      readFileSync(`${SHARED_EVENTS}/powertools-ts-s3-sqs-event.json`, 'utf8'),
    ) as SQSEvent;
    const sharedRecord = structuredClone(shared.Records[0]) as SQSRecord;
    const body = JSON.parse(sharedRecord.body);
    body.Records[0].s3.object.key = 'inbound/AMAZON_SES_SETUP_NOTIFICATION';
    // and an SES receipt notification (S3 action) about it, as SNS delivers it to the queue
    const receipt = JSON.parse(
      readFileSync('test/fixtures/email/events/ses-s3-action-notification.json', 'utf8'),
    );
    receipt.mail.messageId = 'AMAZON_SES_SETUP_NOTIFICATION';
    receipt.receipt.action.objectKey = 'inbound/AMAZON_SES_SETUP_NOTIFICATION';
    const viaSns = JSON.stringify({ Type: 'Notification', Message: JSON.stringify(receipt) });
    const batch: SQSEvent = {
      Records: [
        recordFor('inbound/AMAZON_SES_SETUP_NOTIFICATION', 'sqs-setup'),
        { ...sharedRecord, body: JSON.stringify(body) },
        { ...recordFor('inbound/x', 'sqs-receipt'), body: viaSns },
      ],
    };
    const logged = vi.spyOn(logger, 'info');

    // Act
    const result = await handler(batch, {} as Context);

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(s3).toHaveReceivedCommandTimes(GetObjectCommand, 0);
    expect(ses).toHaveReceivedCommandTimes(SendRawEmailCommand, 0);
    expect(await h.cases.getContact('email:AMAZON_SES_SETUP_NOTIFICATION')).toBeUndefined();
    expect(logged).toHaveBeenCalledWith('email skipped: not a mail', {
      key: 'inbound/AMAZON_SES_SETUP_NOTIFICATION',
      reason: 'SES receipt-rule setup notification',
    });
    logged.mockRestore();
  });

  it('skips an object that is not a mail (a PDF, text without headers) and still takes the mail next to it', async () => {
    // Prepare: the powertools S3-in-SQS event names test.pdf
    const shared = JSON.parse(
      readFileSync(`${SHARED_EVENTS}/powertools-py-s3SqsEvent.json`, 'utf8'),
    ) as SQSEvent;
    s3.on(GetObjectCommand, { Key: 'test.pdf' }).resolves(
      objectBody(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n')),
    );
    s3.on(GetObjectCommand, { Key: 'inbound/notes' }).resolves(
      objectBody(Buffer.from('Hello,\nthis is no mail.\n')),
    );
    s3.on(GetObjectCommand, { Key: 'inbound/ok2' }).resolves(
      objectBody(readFileSync('test/fixtures/email/shift-jis-base64.eml')),
    );
    const batch: SQSEvent = {
      Records: [
        { ...(shared.Records[0] as SQSRecord), messageId: 'sqs-pdf' },
        recordFor('inbound/notes', 'sqs-notes'),
        recordFor('inbound/ok2', 'sqs-ok'),
      ],
    };

    // Act
    const result = await handler(batch, {} as Context);

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(await h.cases.getContact('email:test.pdf')).toBeUndefined();
    expect(await h.cases.getContact('email:notes')).toBeUndefined();
    expect((await h.cases.getContact('email:ok2'))?.caseNumber).toMatch(/^CR-/);
    expect(ses).toHaveReceivedCommandTimes(SendRawEmailCommand, 1);
  });
});
