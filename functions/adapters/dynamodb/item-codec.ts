// The injected DocumentClient may not remove undefined values, and our domain types use optional fields
// freely: strip them here rather than depend on how the client was built.

/** A copy without undefined values (at any depth), ready for the DocumentClient to marshal. */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = withoutUndefined(v);
  return out as T;
}

// Attributes that exist for DynamoDB's sake only and are no part of a domain object.
const STORAGE_ATTRIBUTES = [
  'pk',
  'sk',
  'kind',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'ttl',
  'originContactId',
  'recentContacts',
  'contactPoints',
];

/** The domain object stored in an item: the item minus its keys and bookkeeping attributes. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...item };
  for (const name of STORAGE_ATTRIBUTES) delete out[name];
  return out as T;
}
