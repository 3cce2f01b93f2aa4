// SES's Message-ID rule where it lives, in the adapters: ids keyed by message-id-keys.ts, stored and
// found by the DynamoDB case store (over dynalite), the SES mailer's answer remembered as sent, and a
// real Amazon SES bounce (../shared/fixtures, MANIFEST.md) finding the mail it reports on.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../functions/adapters/dynamodb/case-store';
import { messageIdKey, messageIdKeys, sesMessageId } from '../../../functions/adapters/email/message-id-keys';
import { parseMail } from '../../../functions/adapters/email/parse-mail';
import { type Dynalite, startDynalite } from '../../support/dynalite';

const SHARED_EMAIL = `${process.env.FIXTURES_DIR ?? '../shared/fixtures'}/email`;

describe('messageIdKey', () => {
  it('keys SES ids by their local part whatever the region SES wrote', () => {
    expect(messageIdKey('<0102018f-abc-000000@eu-west-1.amazonses.com>')).toBe('ses:0102018f-abc-000000');
    expect(messageIdKey('<0102018f-abc-000000@email.amazonses.com>')).toBe('ses:0102018f-abc-000000');
    expect(messageIdKey(sesMessageId('0102018F-ABC-000000'))).toBe('ses:0102018f-abc-000000');
  });

  it('keys every other id whole, without brackets or case, and nothing that is no id', () => {
    expect(messageIdKey('<Abc@Mail.Example>')).toBe('abc@mail.example');
    // Only the domain decides: an id merely mentioning amazonses.com on the left is no SES id.
    expect(messageIdKey('<amazonses.com@mail.example>')).toBe('amazonses.com@mail.example');
    expect(messageIdKey('<>')).toBeUndefined();
    expect(messageIdKey('<no-at-sign>')).toBeUndefined();
    expect(messageIdKey('<a b@x>')).toBeUndefined();
    expect(messageIdKeys(['<a@x>', '<A@X>', 'junk'])).toEqual(['a@x']);
  });
});

describe('the case store keys the message ids it is given', () => {
  let db: Dynalite;
  let store: DynamoCaseStore;

  beforeAll(async () => {
    db = await startDynalite();
    store = new DynamoCaseStore(db.documentClient, db.tables.main);
  });
  afterAll(() => db.stop());

  it('finds the mail SES sent when a guest quotes it as another region wrote it', async () => {
    // Prepare: what the SES mailer answered for our acknowledgement, remembered with our own id
    const ref = { caseNumber: 'CR-7K4M2Q', contactId: 'email:m1' };
    await store.rememberMessageIds(
      ['<ack.email-m1@support.example.com>', sesMessageId('0102018f-aa-000000')],
      ref,
    );
    // Act
    const byRegion = await store.findByMessageIds(['<0102018F-AA-000000@eu-west-1.amazonses.com>']);
    const byOurs = await store.findByMessageIds(['<ACK.email-m1@support.example.com>']);
    const unknown = await store.findByMessageIds(['<0102018f-bb-000000@eu-west-1.amazonses.com>', 'junk']);
    // Assess
    expect(byRegion).toEqual(ref);
    expect(byOurs).toEqual(ref);
    expect(unknown).toBeUndefined();
  });

  it('finds the mail a real Amazon SES bounce reports on, from the original it embeds', async () => {
    // Prepare: the bounced mail's SES id, as SendRawEmail answered it when we sent it
    const ref = { caseNumber: 'CR-BNC0SE', contactId: 'email:bounced' };
    await store.rememberMessageIds(
      [sesMessageId('000001321defbd2a-788e31c8-2be1-422f-a8d4-cf7765cc9ed7-000000')],
      ref,
    );
    const bounce = await parseMail(readFileSync(`${SHARED_EMAIL}/sisimai-lhost-amazonses-01.eml`), {
      id: 'bounce-1',
      rawRef: 's3://mail/inbound/bounce-1',
      receivedAt: '2026-11-23T10:00:00.000Z',
      limitBytes: 10_000_000,
    });
    // Act
    const found = await store.findByMessageIds(bounce.embeddedMessageIds);
    // Assess
    expect(found).toEqual(ref);
  });

  it('claims one copy of a message however its Message-ID is written, and nothing for what is no id', async () => {
    // Prepare
    const now = new Date('2026-11-23T10:00:00.000Z');
    const stale = new Date(now.getTime() - 120_000);
    const to = 'support@contact-router.local';
    // Act
    const first = await store.claimMessage(
      { messageId: '<Q1@Mail.Example>', recipient: to },
      'email:a',
      now,
      stale,
    );
    const copy = await store.claimMessage(
      { messageId: 'q1@mail.example', recipient: to },
      'email:b',
      now,
      stale,
    );
    const junk = await store.claimMessage({ messageId: '<junk>', recipient: to }, 'email:c', now, stale);
    // Assess
    expect(first).toEqual({ holder: 'email:a', mine: true });
    expect(copy).toEqual({ holder: 'email:a', mine: false });
    expect(junk).toEqual({ holder: 'email:c', mine: true });
  });
});
