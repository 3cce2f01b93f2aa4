import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { countryOfNumber } from '../../../functions/domain/classify/phone-country';

// The classifier's own reading of a number's country replaces libphonenumber-js's parser in the bundle;
// phone-metadata.test.ts holds the languages it gives to every country's example number and to random
// numbers equal to the package's. These are the forms people write, each read as the package reads it.
describe('countryOfNumber', () => {
  it.each([
    ['+44 7400 123456', 'GB'],
    ['+1 (514) 555-0199', 'CA'],
    ['+1 212 555 0182', 'US'],
    ['+1 1 212 555 0182', 'US'], // the trunk prefix written after the calling code
    ['+7 8 916 123 45 67', 'RU'],
    ['+44 (0)20 7946 0958', 'GB'],
    ['+44 7781 123456', 'GG'], // shares +44, told by its number types
    ['+39 06 698 12345', 'VA'], // shares +39, told by its leading digits
    ['+49 151 12345678', 'DE'],
    ['+86 138 0013 8000', 'CN'],
  ])('reads %s as %s, as libphonenumber-js does', (number, country) => {
    expect(countryOfNumber(number)).toBe(country);
    expect(parsePhoneNumberFromString(number)?.country).toBe(country);
  });

  it.each(['07700 900123', '+0 123 456', '+44', '+44 1', 'not a number', '+999 123 456 789'])(
    'gives no country to %s',
    (number) => {
      expect(countryOfNumber(number)).toBeUndefined();
    },
  );
});
