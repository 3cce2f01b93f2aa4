import { describe, expect, it } from 'vitest';
import { isUnanswerable, noReplyReasonOf } from '../../../functions/domain/email/loop-guard';
import { isAutoReplySubject } from '../../../functions/domain/email/machine-mail/auto-reply-subjects';
import { aMail } from '../../support/email-mail';

const OWN = { addresses: ['support@contact-router.local'] };
const reasonOf = (...args: Parameters<typeof aMail>) => noReplyReasonOf(aMail(...args), OWN);

describe('vendor auto-responder headers', () => {
  it.each([
    ['X-Apple-Action', 'VACATION'],
    ['X-Autoresponder', 'yes'],
    ['X-Autoresponse', 'true'],
    ['X-AutoReply-From', 'emily.carter@example.co.uk'],
    ['X-Mail-Autoreply', 'yes'],
    ['X-FC-MachineGenerated', 'true'],
    ['X-POST-MessageClass', '9; Autoresponder'],
    ['X-Cron-Env', '<SHELL=/bin/sh>'],
    ['Autosubmitted', 'auto-replied'],
    ['X-Precedence', 'auto_reply'],
    ['Auto-Submitted', 'auto-replied (zimbra; vacation)'],
  ] as const)('never answers a mail carrying %s: %s', (name, value) => {
    expect(reasonOf({}, [[name, value]])).toBe('auto-reply');
  });

  it('answers an iCloud mail whose X-Apple-Action is not a vacation notice', () => {
    expect(reasonOf({}, [['X-Apple-Action', 'REPLY']])).toBeUndefined();
  });
});

describe('lists', () => {
  it.each([
    ['List-Subscribe', '<mailto:guests-subscribe@lists.example.com>'],
    ['List-Post', '<mailto:guests@lists.example.com>'],
    ['List-Help', '<mailto:guests-help@lists.example.com>'],
    ['List-Owner', '<mailto:guests-owner@lists.example.com>'],
    ['List-Archive', '<https://lists.example.com/guests>'],
    ['Mailing-List', 'contact guests-help@lists.example.com; run by ezmlm'],
    ['X-Mailing-List', 'guests@lists.example.com'],
    ['X-ML-Name', 'guests'],
    ['X-MLServer', 'fml [fml 4.0.3 release]'],
    ['X-BeenThere', 'guests@lists.example.com'],
    ['X-Loop', 'guests@lists.example.com'],
    ['X-Precedence', 'bulk'],
  ] as const)('never answers a mail carrying %s', (name, value) => {
    expect(reasonOf({}, [[name, value]])).toBe('list');
  });

  it.each([
    ['owner-guests@lists.example.com'],
    ['guests-request@lists.example.com'],
    ['guests-owner@lists.example.com'],
    ['guests-bounces@lists.example.org'],
    ['guests-bounces+emily=example.co.uk@lists.example.org'],
    ['LISTSERV@lists.example.edu'],
    ['majordomo@example.org'],
  ])('never answers a mail whose Sender is the list address %s', (sender) => {
    expect(reasonOf({ sender })).toBe('list');
  });

  it('treats a list bounce address as the envelope sender as a list too', () => {
    expect(reasonOf({ returnPath: 'guests-bounces@lists.example.org' })).toBe('list');
  });

  it('answers a person whose Sender is their own address or their assistant', () => {
    expect(reasonOf({ sender: 'emily.carter@example.co.uk' })).toBeUndefined();
    expect(reasonOf({ sender: 'office@example.co.uk' })).toBeUndefined();
    expect(reasonOf({ returnPath: 'emily.carter@example.co.uk' })).toBeUndefined();
  });

  it('answers a list owner writing from their own list address as From', () => {
    // Sender equal to From is the author themselves, whatever the name.
    expect(
      reasonOf({ from: 'owner-guests@lists.example.com', sender: 'owner-guests@lists.example.com' }),
    ).toBeUndefined();
  });
});

describe('mail-system and no-reply senders', () => {
  it.each([
    'MAILER-DAEMON@mx.example.com',
    'mailer_daemon@mx.example.com',
    'mailerdaemon@mx.example.com',
    'Mailer.Daemon@mx.example.com',
    'postmaster@example.com',
    'post_master@vtext.example',
    'post-master@example.com',
  ])('treats %s as a bounce', (from) => {
    expect(reasonOf({ from })).toBe('bounce');
  });

  it('treats a bare "From: MAILER-DAEMON" with no address as a bounce', () => {
    expect(reasonOf({ from: undefined }, [['From', 'MAILER-DAEMON (Mail Delivery System)']])).toBe('bounce');
  });

  it.each([
    'noreply@booking.example',
    'no-reply@booking.example',
    'no_reply@booking.example',
    'NoReply@booking.example',
    'do-not-reply@air.example',
    'do_not_reply@air.example',
    'donotreply@air.example',
    'dontreply@air.example',
    'booking-noreply@hotel.example',
    'info.no-reply@hotel.example',
    'noreply-dmarc-support@google.example',
    'noreply+tag@hotel.example',
    'bounces+1234@mail.example',
  ])('never answers %s', (from) => {
    expect(reasonOf({ from })).toBe('no-reply-sender');
    expect(isUnanswerable(from, OWN)).toBe(true);
  });

  it.each([
    'replyguy@example.com',
    'noreen@example.com',
    'reply.norbert@example.com',
    'norepairs@example.com',
    'postmasterclass@example.com',
    'daemon.fan@example.com',
  ])('answers the person %s', (from) => {
    expect(reasonOf({ from })).toBeUndefined();
    expect(isUnanswerable(from, OWN)).toBe(false);
  });
});

describe('reports', () => {
  it('treats an MDN read receipt (RFC 8098) as a read receipt', () => {
    expect(reasonOf({ contentType: 'multipart/report', reportType: 'disposition-notification' })).toBe(
      'read-receipt',
    );
  });

  it.each([
    ['message/delivery-status', 'bounce'],
    ['message/feedback-report', 'complaint-report'],
    ['message/disposition-notification', 'read-receipt'],
  ] as const)('reads a %s part beside the text of a mis-typed report as %s', (contentType, reason) => {
    const attachments = [{ contentType, size: 300 }];
    expect(reasonOf({ contentType: 'multipart/mixed', attachments })).toBe(reason);
  });

  it('treats a JMRP complaint (not ARF) as a complaint', () => {
    expect(reasonOf({ from: 'staff@hotmail.com', subject: 'complaint about message from 192.0.2.222' })).toBe(
      'complaint-report',
    );
  });

  it('treats an abuse desk forwarding the original as a complaint, but not without the original', () => {
    const original = { attachments: [{ contentType: 'message/rfc822', size: 900 }] };
    expect(reasonOf({ from: 'abuse@isp.example', subject: 'Spam from your server', ...original })).toBe(
      'complaint-report',
    );
    expect(
      reasonOf({ from: 'fbl@isp.example', subject: 'Abuse Report', embeddedMessageIds: ['<a@b>'] }),
    ).toBe('complaint-report');
    expect(reasonOf({ from: 'abuse@isp.example', subject: 'Question about my booking' })).toBeUndefined();
  });

  it('answers a guest who complains about a message and attaches it', () => {
    const attachments = [{ contentType: 'message/rfc822', size: 900 }];
    expect(reasonOf({ subject: 'Complaint about message from your hotel', attachments })).toBeUndefined();
  });
});

describe('challenge/response filters', () => {
  it('never answers a TMDA challenge or a sender-verification request', () => {
    expect(reasonOf({}, [['X-Delivery-Agent', 'TMDA/1.1.12 (Macallan)']])).toBe('challenge-response');
    expect(reasonOf({ subject: 'Please confirm your message' })).toBe('challenge-response');
    expect(reasonOf({ subject: '[Sender verification] Re: Your message' })).toBe('challenge-response');
  });

  it('answers a guest asking us to confirm something', () => {
    expect(reasonOf({ subject: 'Please confirm my booking' })).toBeUndefined();
    expect(reasonOf({ subject: 'Can you confirm your message about the refund?' })).toBeUndefined();
  });
});

describe('auto-reply subjects in the ten languages', () => {
  it.each([
    'AUTO: Peter Muster is out of the office (returning 05.01.2027)',
    'Automatic reply: Your booking',
    'Auto-Reply: Your booking',
    'Out of Office: Re: late check-in',
    'Out of Office AutoReply: Your booking',
    'Out of office',
    'Abwesenheitsnotiz: Ihre Anfrage',
    'Automatische Antwort: Ihre Buchung',
    'Réponse automatique : Votre réservation',
    'Absence du bureau: Votre réservation',
    'Respuesta automática: Su reserva',
    'Fuera de la oficina: Su reserva',
    'Risposta automatica: La sua prenotazione',
    'Fuori sede: La sua prenotazione',
    'Resposta automática: A sua reserva',
    'Automatisch antwoord: Uw boeking',
    'Afwezig: Uw boeking',
    'Автоматический ответ: Ваше бронирование',
    'Автоответ: Ваше бронирование',
    '自动回复：您的预订',
    '自動回覆: 您的預訂',
    'Balasan otomatis: Pemesanan Anda',
    'Re: flowers (Automatic Response)',
  ])('recognises "%s"', (subject) => {
    expect(isAutoReplySubject(subject)).toBe(true);
  });

  it.each([
    'Re: out of office question',
    'Out of office hours check-in',
    'Fwd: Automatic reply: Booking 1000000016',
    'Auto: Mietwagen zur Buchung',
    'AUTO: rental car for my booking',
    'Question about your automatic reply',
    '关于自动回复邮件的问题',
    'Vraag over afwezigheid van de receptie',
    'Re: [CR-7K4M2Q] Your message',
  ])('leaves the person\'s subject "%s"', (subject) => {
    expect(isAutoReplySubject(subject)).toBe(false);
  });
});
