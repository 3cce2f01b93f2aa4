import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Whether a number can take a text message: a mobile, or a number its plan does not tell apart from one
 * (North America: FIXED_LINE_OR_MOBILE). Number types need libphonenumber-js's "max" metadata — the
 * default "min" set has no type patterns and answers undefined for most countries (package README,
 * "getType()"). An unparsable number, a fixed line, toll-free or premium number cannot.
 */
export function takesTextMessages(number: string): boolean {
  const type = parsePhoneNumberFromString(number)?.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}
