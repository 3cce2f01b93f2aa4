import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseMessageIds } from '../../../functions/adapters/email/message-ids';
import { emailAcknowledgement } from '../../../functions/domain/email/compose-ack';
import { composeEmail } from '../../../functions/domain/email/email-messenger';
import {
  bodyMarker,
  findSignedCase,
  replyAddress,
  replyToken,
} from '../../../functions/domain/email/reply-token';
import { stripQuoted } from '../../../functions/domain/email/strip-quoted';
import { verdictAction } from '../../../functions/domain/email/verdicts';
import type { OutboundMessage } from '../../../functions/domain/outbound/messenger';
import { aMail } from '../../support/email-mail';

const sign = (value: string) => createHmac('sha256', 'test-key-of-sixteen+').update(value).digest('hex');
const otherSign = (value: string) => createHmac('sha256', 'another-key-sixteen').update(value).digest('hex');

describe('signed reply references', () => {
  it('finds the case of a reply address or a quoted marker, and only with the right signature', () => {
    // Prepare
    const address = replyAddress('support@contact-router.local', 'CR-7K4M2Q', sign);
    const marker = bodyMarker('CR-7K4M2Q', sign);
    // Assess
    expect(address).toMatch(/^support\+cr-7k4m2q\.[0-9a-z]{10}@contact-router\.local$/);
    expect(findSignedCase([address], sign)).toBe('CR-7K4M2Q');
    expect(findSignedCase([`> ${marker}`], sign)).toBe('CR-7K4M2Q');
    expect(findSignedCase([address], otherSign)).toBeUndefined();
    expect(findSignedCase(['support+cr-7k4m2q.aaaaaaaaaa@contact-router.local'], sign)).toBeUndefined();
  });

  it('refuses a valid signature moved to another case number', () => {
    const signature = replyToken('CR-7K4M2Q', sign).split('.')[1];
    expect(findSignedCase([`[ref:CR-AAAAAA.${signature}]`], sign)).toBeUndefined();
  });
});

describe('stripQuoted', () => {
  it('keeps the new text and drops the quote, the attribution and the signature', () => {
    const reply = [
      'Thanks, and the parking?',
      '',
      '-- ',
      'Emily',
      '',
      'On Mon, 23 Nov 2026 at 10:00, Support <support@contact-router.local> wrote:',
      '> We have received your message. Your case number is CR-7K4M2Q.',
    ].join('\r\n');
    expect(stripQuoted(reply)).toBe('Thanks, and the parking?');
  });

  it.each([
    ['Le lun. 23 nov. 2026 à 10:00, Support a écrit :'],
    ['Am 23.11.2026 um 10:00 schrieb Support <support@x.de>:'],
    ['El lun, 23 nov 2026 a las 10:00, Support escribió:'],
    ['-----Original Message-----'],
    ['发件人： Support\n发送时间： 2026年11月23日'],
  ])('cuts the history at "%s"', (attribution) => {
    expect(stripQuoted(`Nouvelle question\n\n${attribution}\nold text`)).toBe('Nouvelle question');
  });

  it('cuts an Outlook header block', () => {
    const text = 'See below\n\nFrom: Support <support@x>\nSent: Monday\nTo: me\nSubject: Re: x\n\nold';
    expect(stripQuoted(text)).toBe('See below');
  });

  it('keeps a message that is nothing but a quote rather than lose it', () => {
    expect(stripQuoted('> only quoted')).toBe('> only quoted');
  });
});

describe('message ids', () => {
  it('reads every id of a References header, with or without brackets', () => {
    expect(parseMessageIds('<a@x> <b@y>\r\n <c@z>')).toEqual(['<a@x>', '<b@y>', '<c@z>']);
    expect(parseMessageIds('a@x, b@y')).toEqual(['a@x', 'b@y']);
    expect(parseMessageIds('')).toEqual([]);
  });
});

describe('SES verdicts', () => {
  it('reads the topmost SES headers and ignores a forged lower Authentication-Results', () => {
    // Prepare
    const mail = aMail({}, [
      ['X-SES-Spam-Verdict', 'PASS'],
      ['X-SES-Virus-Verdict', 'FAIL'],
      [
        'Authentication-Results',
        'amazonses.com; spf=pass; dkim=pass; dmarc=fail (p=reject) header.from=x.com',
      ],
      ['Authentication-Results', 'forger.example; dmarc=pass'],
    ]);
    // Act
    const verdicts = mail.verdicts;
    // Assess
    expect(verdicts).toMatchObject({ spam: 'PASS', virus: 'FAIL', dmarc: 'FAIL', dmarcPolicy: 'reject' });
    expect(verdictAction(verdicts)).toEqual({ kind: 'quarantine', reason: 'virus verdict FAIL' });
  });

  it('records spam and DMARC rejects without an answer, accepts DMARC fail with p=none', () => {
    expect(verdictAction({ spam: 'FAIL' })).toEqual({ kind: 'record-only', reason: 'spam' });
    expect(verdictAction({ dmarc: 'FAIL', dmarcPolicy: 'reject' })).toEqual({
      kind: 'record-only',
      reason: 'dmarc-reject',
    });
    expect(verdictAction({ dmarc: 'FAIL', dmarcPolicy: 'none' })).toEqual({ kind: 'accept' });
    expect(verdictAction({ spam: 'PASS', virus: 'PASS', dmarc: 'PASS' })).toEqual({ kind: 'accept' });
  });

  it('prefers the receipt the event carried', () => {
    expect(aMail({ receipt: { spam: 'FAIL' } }, [['X-SES-Spam-Verdict', 'PASS']]).verdicts.spam).toBe('FAIL');
  });
});

describe('emailAcknowledgement and composeEmail', () => {
  const planned: OutboundMessage = {
    id: 'email:abc:ack',
    kind: 'acknowledgement',
    caseNumber: 'CR-7K4M2Q',
    channel: 'email',
    to: 'camille.martin@example.fr',
    language: 'fr',
    text: 'Nous avons bien reçu votre message. Votre numéro de dossier est CR-7K4M2Q.',
    inReplyTo: ['email:abc'],
    automatic: true,
    createdAt: '2026-11-23T10:00:00.000Z',
  };

  it('answers in the guest’s language with the case in the subject and loop-safe threading headers', () => {
    // Prepare
    const mail = aMail({ subject: 'RE: Réception fermée', messageId: '<m1@x>', references: ['<m0@x>'] });
    // Act
    const message = emailAcknowledgement(planned, mail, 'camille.martin@example.fr');
    const email = composeEmail(message, 'support@contact-router.local', sign);
    // Assess
    expect(message.onePer).toBe('ack:CR-7K4M2Q:camille.martin@example.fr');
    expect(email.subject).toBe('Re: Réception fermée [CR-7K4M2Q]');
    expect(email.text).toContain('Merci de conserver cette référence');
    expect(email.text).toContain(bodyMarker('CR-7K4M2Q', sign));
    expect(email.inReplyTo).toBe('<m1@x>');
    expect(email.references).toEqual(['<m0@x>', '<m1@x>']);
    expect(email.headers).toMatchObject({
      'Auto-Submitted': 'auto-replied',
      'Reply-To': replyAddress('support@contact-router.local', 'CR-7K4M2Q', sign),
      'Message-ID': '<ack.email-abc@contact-router.local>',
    });
  });

  it('marks only automatic mail under RFC 3834: an agent’s reply carries no Auto-Submitted', () => {
    // Prepare
    const reply: OutboundMessage = { ...planned, id: 'reply-1', kind: 'agent_reply', automatic: false };
    const survey: OutboundMessage = { ...planned, id: 'CR-7K4M2Q:survey', kind: 'survey' };
    // Act
    const agent = composeEmail(reply, 'support@contact-router.local', sign);
    const machine = composeEmail(survey, 'support@contact-router.local', sign);
    // Assess
    expect(agent.headers?.['Auto-Submitted']).toBeUndefined();
    expect(agent.headers?.['X-Auto-Response-Suppress']).toBeUndefined();
    expect(agent.headers?.['Reply-To']).toBe(replyAddress('support@contact-router.local', 'CR-7K4M2Q', sign));
    expect(machine.headers?.['Auto-Submitted']).toBe('auto-generated');
    expect(machine.headers?.['Message-ID']).toBe('<out.CR-7K4M2Q-survey@contact-router.local>');
  });

  it('puts the size notice first for an oversized message', () => {
    const mail = aMail({ subject: '', sizeBytes: 12_500_000, oversized: { limitBytes: 10_000_000 } });
    const message = emailAcknowledgement(planned, mail, 'camille.martin@example.fr');
    const email = composeEmail(message, 'support@contact-router.local', sign);
    expect(email.subject).toBe('Re: Votre message [CR-7K4M2Q]');
    expect(email.text.startsWith('Votre message (12.5 Mo) dépasse les 10 Mo')).toBe(true);
  });
});
