import { readFileSync } from 'node:fs';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { storedMailRefs } from '../../../functions/adapters/email/mail-event';
import { messageIdOf } from '../../../functions/adapters/email/stored-mail';
import { ValidationError } from '../../../functions/domain/errors';

const sqsEvent = JSON.parse(
  readFileSync('test/fixtures/email/events/s3-notification-in-sqs.json', 'utf8'),
) as SQSEvent;
const sesNotification = readFileSync('test/fixtures/email/events/ses-s3-action-notification.json', 'utf8');

describe('storedMailRefs', () => {
  it('reads the bucket and key of an S3 notification carried by SQS; the key names the SES message', () => {
    // Prepare
    const body = structuredClone(sqsEvent).Records[0]?.body ?? '';
    // Act
    const refs = storedMailRefs(body);
    // Assess
    expect(refs).toEqual([
      {
        bucket: 'contact-router-raw-mail',
        key: 'inbound/o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1',
        size: 1234,
        receivedAt: '2026-11-23T10:00:01.000Z',
      },
    ]);
    expect(messageIdOf(refs[0] as never)).toBe('o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1');
  });

  it('decodes URL-encoded keys', () => {
    const body = JSON.stringify({
      Records: [
        {
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: 'b' }, object: { key: 'inbound/a+b%2Bc' } },
        },
      ],
    });
    expect(storedMailRefs(body)[0]?.key).toBe('inbound/a b+c');
  });

  it('takes the verdicts of an SES S3-action notification, also inside an SNS envelope', () => {
    // Act
    const direct = storedMailRefs(sesNotification);
    const viaSns = storedMailRefs(JSON.stringify({ Type: 'Notification', Message: sesNotification }));
    // Assess
    expect(direct).toEqual(viaSns);
    expect(direct[0]).toMatchObject({
      bucket: 'contact-router-raw-mail',
      key: 'inbound/d6iitobk75ur44p8kdnnp7g2n800',
      sesMessageId: 'd6iitobk75ur44p8kdnnp7g2n800',
      recipients: ['support@contact-router.local'],
      receipt: { spam: 'PASS', virus: 'PASS', dmarc: 'FAIL', dmarcPolicy: 'reject' },
    });
  });

  it('has nothing to do for S3’s test event', () => {
    expect(storedMailRefs('{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"b"}')).toEqual([]);
  });

  it.each([
    ['not JSON', '{nope'],
    ['another service', '{"Records":[{"eventSource":"aws:dynamodb"}]}'],
    [
      'an S3 record without a key',
      '{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"}}}]}',
    ],
    [
      'a Lambda-action SES event (no stored body)',
      '{"Records":[{"eventSource":"aws:ses","ses":{"receipt":{"action":{"type":"Lambda"}},"mail":{}}}]}',
    ],
    ['a bare number', '42'],
  ])('refuses %s with a ValidationError', (_what, body) => {
    expect(() => storedMailRefs(body)).toThrow(ValidationError);
  });
});
