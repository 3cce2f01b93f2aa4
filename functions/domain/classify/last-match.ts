/**
 * The last match of a global expression in `text`, or null. An `exec` loop rather than `matchAll`:
 * `matchAll` copies the expression on every call, and the reference extractor asks this for every
 * candidate number (a fifth of its time went to those copies). `re` must have the `g` flag; its
 * `lastIndex` is left at 0 for the next caller.
 */
export function lastMatch(text: string, re: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    last = m;
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return last;
}
