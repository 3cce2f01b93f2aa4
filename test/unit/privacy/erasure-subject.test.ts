import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors';
import { parseErasureSubject } from '../../../functions/domain/privacy/erasure-subject';

describe('parseErasureSubject', () => {
  it('reads an E.164 phone and a lower-cased email', () => {
    expect(parseErasureSubject({ phone: '+447700900123' })).toEqual({
      kind: 'phone',
      value: '+447700900123',
    });
    expect(parseErasureSubject({ email: ' Ana.Silva@Example.COM ' })).toEqual({
      kind: 'email',
      value: 'ana.silva@example.com',
    });
  });

  it('reads back the plus a query string turned into a space', () => {
    expect(parseErasureSubject({ phone: ' 447700900123' }).value).toBe('+447700900123');
  });

  it.each([
    [{}, /missing/],
    [{ phone: null, email: null }, /missing/],
    [{ phone: '+447700900123', email: 'a@b.co' }, /not both/],
    [{ phone: '07700 900123' }, /E\.164/],
    [{ phone: '+0123456789' }, /E\.164/],
    [{ email: 'ana' }, /not an email/],
    [{ email: `${'a'.repeat(320)}@b.co` }, /too long/],
  ])('refuses %j with a ValidationError saying what is wrong', (input, message) => {
    expect(() => parseErasureSubject(input)).toThrow(ValidationError);
    expect(() => parseErasureSubject(input)).toThrow(message);
  });

  it('does not echo the phone number it refuses', () => {
    expect(() => parseErasureSubject({ phone: '12345' })).toThrow(/^(?!.*12345)/);
  });
});
