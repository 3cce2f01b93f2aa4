// SES rewrites the Message-ID of what it sends to "<ses-id@region.amazonses.com>" (the region part varies),
// so ids under amazonses.com are keyed by their local part alone; every other id by its whole lower-cased form.

/** The key a message id is stored and looked up under, or undefined for something that is no id. */
export function messageIdKey(raw: string): string | undefined {
  const id = raw.trim().replace(/^<|>$/g, '').trim().toLowerCase();
  const at = id.lastIndexOf('@');
  if (at <= 0 || at === id.length - 1 || id.length > 500 || /\s/.test(id)) return undefined;
  if (/(^|\.)amazonses\.com$/.test(id.slice(at + 1))) return `ses:${id.slice(0, at)}`;
  return id;
}

/** The key of a message id SES assigned to a message we sent (SendRawEmail's MessageId). */
export function sesMessageIdKey(sesMessageId: string): string {
  return `ses:${sesMessageId.trim().toLowerCase()}`;
}

/** Distinct lookup keys of ids, in the order given. */
export function messageIdKeys(ids: readonly string[]): string[] {
  const keys: string[] = [];
  for (const id of ids) {
    const key = messageIdKey(id);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
