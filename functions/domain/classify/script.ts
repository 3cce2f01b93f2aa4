import type { Language } from '../languages';

/** Letters counted by script over the start of a text. */
export interface ScriptCounts {
  readonly han: number;
  readonly cyrillic: number;
  readonly latin: number;
  /** Kana, Hangul, Arabic, Thai…: scripts of languages we do not serve. */
  readonly other: number;
}

/** Counts letters by script in the first `limit` characters. */
export function countScripts(text: string, limit = 300): ScriptCounts {
  let han = 0;
  let cyrillic = 0;
  let latin = 0;
  let other = 0;
  const end = Math.min(text.length, limit);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0x600 && c <= 0x6ff) ||
      (c >= 0xe00 && c <= 0xe7f)
    )
      other++;
  }
  return { han, cyrillic, latin, other };
}

/**
 * The language a script settles on its own: Han → zh, Cyrillic → ru, when that script carries
 * the text (a Latin word or a reference inside Chinese does not make it English), with a confidence.
 */
export function languageOfScript(counts: ScriptCounts): { language: Language; confidence: number } | null {
  const { han, cyrillic, latin, other } = counts;
  // Kana next to Han is Japanese, which we do not serve: let the other signals decide.
  if (other > 0 && other >= han / 4) return null;
  // One Han character weighs about as much as a Latin word.
  if (han > 0 && han * 4 >= latin) return { language: 'zh', confidence: share(han * 4, latin + cyrillic) };
  if (cyrillic > 0 && cyrillic >= latin)
    return { language: 'ru', confidence: share(cyrillic, latin + han * 4) };
  return null;
}

function share(mine: number, others: number): number {
  const ratio = mine / (mine + others);
  return Math.min(0.99, 0.6 + 0.4 * ratio);
}
