import { describe, expect, it } from 'vitest';
import { isUnanswerable, noReplyReasonOf } from '../../../functions/domain/email/loop-guard';
import { aMail } from '../../support/email-mail';

const OWN = { addresses: ['support@contact-router.local'], domains: ['router.example'] };

describe('noReplyReasonOf', () => {
  it('answers a person', () => {
    expect(noReplyReasonOf(aMail(), OWN)).toBeUndefined();
  });

  it.each([
    ['Auto-Submitted: auto-replied', [['Auto-Submitted', 'auto-replied']]],
    ['Auto-Submitted: auto-generated', [['Auto-Submitted', 'auto-generated']]],
    ['X-Autoreply', [['X-Autoreply', 'yes']]],
    ['X-Auto-Response-Suppress', [['X-Auto-Response-Suppress', 'All']]],
    ['Precedence: auto_reply', [['Precedence', 'auto_reply']]],
  ] as const)('never answers an auto-reply marked by %s', (_name, headers) => {
    expect(noReplyReasonOf(aMail({}, headers), OWN)).toBe('auto-reply');
  });

  it('answers mail that says Auto-Submitted: no', () => {
    expect(noReplyReasonOf(aMail({}, [['Auto-Submitted', 'no']]), OWN)).toBeUndefined();
  });

  it('treats a delivery report, a daemon sender and the null return path as bounces', () => {
    expect(
      noReplyReasonOf(aMail({ contentType: 'multipart/report', reportType: 'delivery-status' }), OWN),
    ).toBe('bounce');
    expect(noReplyReasonOf(aMail({ from: 'MAILER-DAEMON@mx.example.com' }), OWN)).toBe('bounce');
    expect(noReplyReasonOf(aMail({ from: 'postmaster@example.com' }), OWN)).toBe('bounce');
    expect(noReplyReasonOf(aMail({ returnPath: '' }), OWN)).toBe('bounce');
  });

  it('tells a complaint report from a bounce', () => {
    expect(
      noReplyReasonOf(aMail({ contentType: 'multipart/report', reportType: 'feedback-report' }), OWN),
    ).toBe('complaint-report');
  });

  it('prefers the auto-reply headers over a null return path (Exchange out-of-office)', () => {
    expect(noReplyReasonOf(aMail({ returnPath: '' }, [['X-Auto-Response-Suppress', 'All']]), OWN)).toBe(
      'auto-reply',
    );
  });

  it.each([
    ['List-Id', 'guests.example.com'],
    ['List-Unsubscribe', '<mailto:unsubscribe@example.com>'],
    ['Precedence', 'bulk'],
    ['Precedence', 'junk'],
    ['Precedence', 'list'],
  ] as const)('never answers list mail (%s: %s)', (name, value) => {
    expect(noReplyReasonOf(aMail({}, [[name, value]]), OWN)).toBe('list');
  });

  it('never answers our own addresses, our domains, or no-reply senders', () => {
    expect(noReplyReasonOf(aMail({ from: 'support@contact-router.local' }), OWN)).toBe('own-address');
    expect(noReplyReasonOf(aMail({ from: 'support+cr-abc@contact-router.local' }), OWN)).toBe('own-address');
    expect(noReplyReasonOf(aMail({ from: 'desk@router.example' }), OWN)).toBe('own-address');
    expect(noReplyReasonOf(aMail({ from: 'no-reply@booking.example' }), OWN)).toBe('no-reply-sender');
    expect(noReplyReasonOf(aMail({ from: 'donotreply@airline.example' }), OWN)).toBe('no-reply-sender');
    expect(noReplyReasonOf(aMail({ from: undefined }), OWN)).toBe('no-sender');
  });

  it('keeps a person whose address merely contains "reply"', () => {
    expect(noReplyReasonOf(aMail({ from: 'replyguy@example.com' }), OWN)).toBeUndefined();
  });
});

describe('isUnanswerable', () => {
  it('refuses ours, no-reply and daemons, accepts a guest', () => {
    expect(isUnanswerable('support@contact-router.local', OWN)).toBe(true);
    expect(isUnanswerable('noreply@example.com', OWN)).toBe(true);
    expect(isUnanswerable('mailer-daemon@example.com', OWN)).toBe(true);
    expect(isUnanswerable('not-an-address', OWN)).toBe(true);
    expect(isUnanswerable('guest@example.com', OWN)).toBe(false);
  });
});
