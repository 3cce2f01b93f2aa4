// How a Message-ID, In-Reply-To or References header value is read into ids (RFC 5322 §3.6.4): the
// email door hands the domain ids, never header text.

/** Every `<…>` id in a header value (References lists many; some clients omit the brackets). */
export function parseMessageIds(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = value.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed;
  return value.split(/[\s,]+/).filter((part) => part.includes('@'));
}
