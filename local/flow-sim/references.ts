// JSONPath-ish references ("$.Attributes.x", "$.External.y") and %Placeholder% names inside flow values.

/** The contact data a reference can read. */
export interface ReferenceData {
  Attributes: Record<string, string>;
  External: Record<string, unknown>;
  FlowAttributes: Record<string, string>;
  StoredCustomerInput: string | undefined;
  CustomerEndpoint: { Address: string; Type: string } | null;
  SystemEndpoint: { Address: string; Type: string } | null;
  Queue: { ARN: string; Name: string } | null;
  LanguageCode: string;
  Channel: string;
  ContactId: string;
  InitialContactId: string;
  InitiationMethod: string;
  TextToSpeechVoice: string;
}

/** The roots of `$.` references the simulator resolves; Connect knows more (Lex, Customer, Metrics…). */
export const SUPPORTED_REFERENCE_ROOTS: readonly (keyof ReferenceData)[] = [
  'Attributes',
  'External',
  'FlowAttributes',
  'StoredCustomerInput',
  'CustomerEndpoint',
  'SystemEndpoint',
  'Queue',
  'LanguageCode',
  'Channel',
  'ContactId',
  'InitialContactId',
  'InitiationMethod',
  'TextToSpeechVoice',
];

const ROOTS: ReadonlySet<string> = new Set(SUPPORTED_REFERENCE_ROOTS);
const REFERENCE = /\$\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+|\['[^']*'\])*/g;
const PLACEHOLDER = /%([A-Za-z][A-Za-z0-9_]*)%/g;

/** Thrown when a value reads a part of the contact the simulator does not model (e.g. `$.Lex.IntentName`). */
export class UnsupportedReferenceError extends Error {
  constructor(readonly reference: string) {
    super(
      `reference ${reference} is not simulated (supported roots: ${SUPPORTED_REFERENCE_ROOTS.join(', ')})`,
    );
    this.name = 'UnsupportedReferenceError';
  }
}

/** Every `$.` reference written in a string value. */
export function referencesIn(value: string): string[] {
  return value.match(REFERENCE) ?? [];
}

/** Whether the whole value is exactly one reference ("$.External.queueArn"), as some parameters require. */
export function isSingleReference(value: string): boolean {
  const refs = referencesIn(value);
  return refs.length === 1 && refs[0] === value.trim();
}

/** Whether the simulator can resolve this reference. */
export function isSupportedReference(reference: string): boolean {
  return ROOTS.has(segments(reference)[0] ?? '');
}

/**
 * Resolves a parameter value: a lone reference gives the referenced value (undefined when absent);
 * text with references inside gets them interpolated (absent ones become ""), as Connect does for prompts.
 */
export function resolveValue(value: string, data: ReferenceData): string | undefined {
  if (isSingleReference(value)) return lookup(value.trim(), data);
  return value.replace(REFERENCE, (ref) => lookup(ref, data) ?? '');
}

function lookup(reference: string, data: ReferenceData): string | undefined {
  const [root, ...rest] = segments(reference);
  if (root === undefined || !ROOTS.has(root)) throw new UnsupportedReferenceError(reference);
  let current: unknown = data[root as keyof ReferenceData];
  for (const key of rest) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  if (current === undefined || current === null) return undefined;
  return typeof current === 'string' ? current : JSON.stringify(current);
}

function segments(reference: string): string[] {
  const out: string[] = [];
  for (const match of reference.slice(2).matchAll(/([A-Za-z0-9_-]+)|\['([^']*)'\]/g)) {
    out.push(match[1] ?? match[2] ?? '');
  }
  return out;
}

/** A `%Name%` placeholder found in a flow, with the path of the value holding it. */
export interface PlaceholderUse {
  name: string;
  path: string;
}

/** Every `%Name%` placeholder in a JSON value (keys and strings), with paths like `Actions[2].Parameters.QueueId`. */
export function placeholdersIn(value: unknown, path = ''): PlaceholderUse[] {
  if (typeof value === 'string')
    return [...value.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1] ?? '', path }));
  if (Array.isArray(value)) return value.flatMap((item, i) => placeholdersIn(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const child = path ? `${path}.${key}` : key;
      return [...placeholdersIn(key, child), ...placeholdersIn(item, child)];
    });
  }
  return [];
}

/** Replaces `%Name%` placeholders throughout a JSON value; names without a value are listed in `missing`. */
export function substitutePlaceholders<T>(
  value: T,
  values: Readonly<Record<string, string>>,
): { value: T; missing: string[] } {
  const missing = new Set<string>();
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') {
      return item.replace(PLACEHOLDER, (whole, name: string) => {
        if (Object.hasOwn(values, name)) return values[name] ?? whole;
        missing.add(name);
        return whole;
      });
    }
    if (Array.isArray(item)) return item.map(walk);
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(Object.entries(item).map(([k, v]) => [walk(k) as string, walk(v)]));
    }
    return item;
  };
  return { value: walk(value) as T, missing: [...missing] };
}
