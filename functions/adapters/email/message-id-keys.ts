// How the store keys a message id. RFC 5322 §3.6.4 gives a msg-id as "<" id-left "@" id-right ">"; we
// compare them without brackets or case. Amazon SES replaces the Message-ID of every mail it sends with
// its own ("If you provide a Message-ID header, Amazon SES overrides the header with its own value",
// SES developer guide, "Amazon SES header fields"): "<ses-id@email.amazonses.com>", the part after the
// "@" varying with the region ("<ses-id@eu-west-1.amazonses.com>"). So an id under amazonses.com is
// keyed by its local part alone, and a guest's reply finds our mail whatever region SES wrote.

const SES_DOMAIN = /(^|\.)amazonses\.com$/;
const MAX_ID_LENGTH = 500;

/** The key a message id is stored and looked up under, or undefined for something that is no id. */
export function messageIdKey(raw: string): string | undefined {
  const id = raw.trim().replace(/^<|>$/g, '').trim().toLowerCase();
  const at = id.lastIndexOf('@');
  if (at <= 0 || at === id.length - 1 || id.length > MAX_ID_LENGTH || /\s/.test(id)) return undefined;
  if (SES_DOMAIN.test(id.slice(at + 1))) return `ses:${id.slice(0, at)}`;
  return id;
}

/** Distinct keys of ids, in the order given; what is no id is left out. */
export function messageIdKeys(ids: readonly string[]): string[] {
  const keys: string[] = [];
  for (const id of ids) {
    const key = messageIdKey(id);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** The Message-ID SES gave a mail it sent, from SendRawEmail's MessageId. */
export function sesMessageId(sesMessageId: string): string {
  return `<${sesMessageId.trim()}@email.amazonses.com>`;
}
