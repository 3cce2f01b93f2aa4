// What Twilio lets a waitUrl document hold (TwiML <Enqueue>, waitUrl: Play, Say, Pause, Hangup,
// Redirect, Leave and Gather; the answer to a <Gather> action within it runs there too), and what a
// <Gather> nests (TwiML <Gather>: Say, Play, Pause).
const IN_WAIT_URL = new Set(['Play', 'Say', 'Pause', 'Hangup', 'Redirect', 'Leave', 'Gather']);
const IN_GATHER = new Set(['Say', 'Play', 'Pause']);
const ALLOWED: Record<string, Set<string>> = {
  Response: IN_WAIT_URL,
  Gather: IN_GATHER,
  Say: new Set(),
  Play: new Set(),
  Pause: new Set(),
};

/** Every verb of a waitUrl document nested where Twilio does not allow it ("Response > Dial"). */
export function waitUrlVerbErrors(twiml: string): string[] {
  const errors: string[] = [];
  const open: string[] = [];
  for (const [, close, name, selfClosing] of twiml.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    if (!name) continue;
    if (close) {
      if (open.pop() !== name) errors.push(`unbalanced </${name}>`);
      continue;
    }
    const parent = open.at(-1);
    if (parent === undefined ? name !== 'Response' : !ALLOWED[parent]?.has(name))
      errors.push(`${parent ?? '(document)'} > ${name}`);
    if (!selfClosing) open.push(name);
  }
  if (open.length > 0) errors.push(`unclosed ${open.join(', ')}`);
  return errors;
}
