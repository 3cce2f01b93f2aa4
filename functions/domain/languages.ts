/** The languages the platform serves, as ISO 639-1 codes. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'zh', 'ru', 'id'] as const;

/** A language the platform serves. */
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_SET: ReadonlySet<string> = new Set(LANGUAGES);

/** Narrows any string (e.g. "pt-BR", "FR") to a served language, or undefined. */
export function toLanguage(value: string | undefined | null): Language | undefined {
  if (!value) return undefined;
  const base = value.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return LANGUAGE_SET.has(base) ? (base as Language) : undefined;
}
