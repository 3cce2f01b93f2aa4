import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMail, type RawMailMeta } from '../../../functions/adapters/email/parse-mail';
import { contactText } from '../../../functions/domain/email/to-contact';

const meta = (limitBytes = 10_000_000): RawMailMeta => ({
  id: 'ses-1',
  rawRef: 's3://mail/inbound/ses-1',
  receivedAt: '2026-11-23T10:00:00.000Z',
  limitBytes,
});
const fixture = (name: string) => readFileSync(`test/fixtures/email/${name}`);

describe('parseMail', () => {
  it.each([
    ['iso-2022-jp.eml', '予約の質問', '予約番号 1000000081 のチェックインについて'],
    ['koi8-r-qp.eml', 'Отмена бронирования', 'Бронирование 1000000099: хочу отменить'],
    ['shift-jis-base64.eml', 'test', '予約番号 1000000081'],
    ['windows-1252-qp.eml', 'Réception fermée', 'la réception est fermée, où est la clé ? Coût 20 €'],
    ['html-only.eml', '没有房间', '我的预订 1000000081 今天入住'],
  ])('decodes %s into readable text', async (file, subject, text) => {
    // Act
    const mail = await parseMail(fixture(file), meta());
    // Assess
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(text);
  });

  it('turns HTML-only mail into text without tags', async () => {
    const mail = await parseMail(fixture('html-only.eml'), meta());
    expect(mail.text).not.toMatch(/<\/?p>/);
    expect(mail.from).toBe('wang.wei@example.cn');
  });

  it('takes the plain part of multipart/alternative and keeps attachments as references only', async () => {
    // Act
    const mail = await parseMail(fixture('alternative-with-attachment.eml'), meta());
    // Assess
    expect(mail.text.trim()).toBe('Hello, I was charged twice for booking 1000000032. Invoice attached.');
    expect(mail.attachments).toEqual([{ filename: 'invoice.pdf', contentType: 'application/pdf', size: 25 }]);
    expect(mail.messageId).toBe('<en-1@fixtures.example>');
    expect(mail.recipients).toEqual(['support@contact-router.local']);
  });

  it('reads the auto-reply header and the null return path as they arrived', async () => {
    const raw = Buffer.concat([Buffer.from('Return-Path: <>\r\n'), fixture('out-of-office.eml')]);
    const mail = await parseMail(raw, meta());
    expect(mail.returnPath).toBe('');
    expect(mail.headers).toContainEqual({ name: 'auto-submitted', value: 'auto-replied' });
    expect(mail.text).toContain('Büro');
  });

  it('reads only the headers of a message over the limit, and says so in the contact text', async () => {
    // Prepare
    const raw = fixture('windows-1252-qp.eml');
    // Act
    const mail = await parseMail(raw, meta(100));
    // Assess
    expect(mail.oversized).toEqual({ limitBytes: 100 });
    expect(mail.subject).toBe('Réception fermée');
    expect(mail.text).toBe('');
    expect(contactText(mail)).toMatch(
      /over the 100-byte limit: only its headers were read; kept at s3:\/\/mail/,
    );
  });

  it('finds the Message-ID of the original inside a delivery report', async () => {
    // Prepare
    const raw = Buffer.from(
      [
        'From: MAILER-DAEMON@example.com',
        'To: support@contact-router.local',
        'Subject: Undelivered',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Could not deliver.',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Action: failed',
        '--b',
        'Content-Type: message/rfc822',
        '',
        'Message-ID:',
        ' <0102018f-abc-000000@eu-west-1.amazonses.com>',
        'Subject: Re: help',
        '',
        'ack text',
        '--b--',
        '',
      ].join('\r\n'),
    );
    // Act
    const mail = await parseMail(raw, meta());
    // Assess
    expect(mail.contentType).toBe('multipart/report');
    expect(mail.reportType).toBe('delivery-status');
    expect(mail.embeddedMessageIds).toContain('<0102018f-abc-000000@eu-west-1.amazonses.com>');
  });
});
