import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStatusCallback } from '../../../functions/adapters/twilio/status-callback';
import { ValidationError } from '../../../functions/domain/errors';
import { statusCallback } from '../../support/status-callbacks';

const AT = '2026-11-23T21:11:00.000Z';

describe('readStatusCallback', () => {
  it('reads a WhatsApp read receipt and an SMS failure with Twilio’s error', () => {
    expect(readStatusCallback(statusCallback('whatsapp-read'), AT)).toEqual({
      report: { providerMessageId: 'SMb6f4c1a1e0d94a2c8f0b5e6d7c8a9b02', status: 'read', at: AT },
    });
    expect(
      readStatusCallback({ ...statusCallback('sms-undelivered-30003'), ErrorMessage: 'Unreachable' }, AT),
    ).toEqual({
      report: expect.objectContaining({ status: 'undelivered', error: '30003: Unreachable' }),
    });
  });

  it('treats an empty or zero ErrorCode as no error', () => {
    for (const ErrorCode of ['', '0'])
      expect(readStatusCallback({ ...statusCallback('sms-delivered'), ErrorCode }, AT)).toEqual({
        report: expect.not.objectContaining({ error: expect.anything() }),
      });
  });

  it('lets only a ValidationError escape, whatever the parameters (fuzzed)', () => {
    const names = fc.constantFrom(
      'MessageSid',
      'MessageStatus',
      'SmsStatus',
      'ErrorCode',
      'ErrorMessage',
      'To',
    );
    fc.assert(
      fc.property(fc.dictionary(names, fc.string({ maxLength: 60 })), (params) => {
        try {
          const reading = readStatusCallback({ ...statusCallback('sms-sent'), ...params }, AT);
          if ('report' in reading)
            expect(reading.report.providerMessageId).toMatch(/^(SM|MM)[0-9a-fA-F]{32}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
