import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { startRuntime } from '../../local/runtime';

// The README's quick start, read from README.md itself so the page and this test cannot drift apart.
const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const QUICK_START = README.slice(
  README.indexOf('## Quick start'),
  README.indexOf('\n## ', README.indexOf('## Quick start') + 1),
);
// The README's samples come from this day; 11:00 and 23:30 in Paris are inside and outside fr-team's hours.
const OPEN = '2026-11-23T10:00:00.000Z';
const CLOSED = '2026-11-23T22:30:00.000Z';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

interface Block {
  readonly lang: string;
  readonly body: string;
}

function codeBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1] ?? '',
    body: m[2] ?? '',
  }));
}

/** Shell words of one command line: single- and double-quoted strings, backslash-newline joins lines. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const m of command.replace(/\\\n/g, ' ').matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g))
    words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

interface CurlRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | undefined;
}

function curlRequests(): CurlRequest[] {
  const block = codeBlocks(QUICK_START).find((b) => b.lang === 'sh' && b.body.includes('curl '));
  if (!block) throw new Error('README quick start has no curl block');
  return block.body
    .split(/(?<!\\)\n/)
    .filter((line) => line.trim().startsWith('curl '))
    .map((line) => {
      const words = shellWords(line).slice(1);
      const headers: Record<string, string> = {};
      let method = 'GET';
      let body: string | undefined;
      let path = '';
      for (let i = 0; i < words.length; i++) {
        const word = words[i] ?? '';
        if (word === '-X') method = words[++i] ?? method;
        else if (word === '-H') {
          const [name, ...value] = (words[++i] ?? '').split(':');
          headers[name ?? ''] = value.join(':').trim();
        } else if (word === '-d') {
          body = words[++i];
          if (method === 'GET') method = 'POST';
        } else if (word.startsWith('localhost:')) path = word.slice(word.indexOf('/'));
      }
      return { method, path, headers, body };
    });
}

function promise(pattern: RegExp): string[] {
  const m = QUICK_START.match(pattern);
  if (!m) throw new Error(`README quick start no longer says ${pattern}`);
  return m.slice(1).map((g) => g ?? '');
}

async function runQuickStart(now: string) {
  const runtime = await startRuntime(readConfig({ PORT: '0', DATA_DIR: 'memory', CONTACT_ROUTER_NOW: now }));
  try {
    const answers: Json[] = [];
    for (const request of curlRequests()) {
      const response = await fetch(`${runtime.url}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      expect(response.ok).toBe(true);
      answers.push((await response.json()) as Json);
    }
    return answers;
  } finally {
    await runtime.close();
  }
}

describe('the README quick start, word for word', () => {
  it('sends Camille’s contact and lists the queues, as the README shows', () => {
    const requests = curlRequests();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/contacts', 'GET /api/queues']);
    expect(JSON.parse(requests[0]?.body ?? '')).toMatchObject({ channel: 'sms', from: '+33612345678' });
  });

  it('answers in French, verified, at the priority and in the queue the README promises while fr-team works', async () => {
    // Prepare
    const [priority, queue] = promise(/waits at priority (\d) in `([a-z0-9-]+)`/);
    const [verification] = promise(/"verification": "(\w+)"/);
    const reasons = [
      ...(promise(/reasons for that decision \(([^)]*)\)/)[0] ?? '').matchAll(/`([^`]+)`/g),
    ].map((m) => m[1]);
    const sample = codeBlocks(QUICK_START).find((b) => b.lang === '' && b.body.includes('CR-…'));
    // Act
    const [posted, queues] = await runQuickStart(OPEN);
    // Assess
    const record = posted?.record as Json;
    expect(record.classification.language).toBe('fr');
    expect(record.reply.language).toBe('fr');
    expect(record.verification).toBe(verification);
    expect(record.decision).toMatchObject({ queue, priority: Number(priority), language: 'fr' });
    expect(record.decision.reasons).toEqual(expect.arrayContaining(reasons));
    expect(reasons.length).toBeGreaterThan(0);
    expect(record.reply.text).toBe(sample?.body.trim().replace('CR-…', record.caseNumber));
    expect(queues?.queues[queue as string]).toEqual([
      expect.objectContaining({ caseNumber: record.caseNumber, priority: 1, verified: true }),
    ]);
  });

  it('sends her to the 24/7 queue outside fr-team’s hours and tells her so in French, as the README says', async () => {
    // Prepare
    const [priority, queue] = promise(/waits at priority (\d) in the 24\/7 queue `([a-z0-9-]+)`/);
    const [reason] = promise(/\(reason\s+`([^`]+)`\)/);
    const sample = codeBlocks(QUICK_START).find((b) => b.lang === '' && b.body.startsWith('…'));
    const sentences = (sample?.body ?? '')
      .split('…')
      .map((s) => s.trim())
      .filter(Boolean);
    // Act
    const [posted, queues] = await runQuickStart(CLOSED);
    // Assess
    const record = posted?.record as Json;
    expect(record.reply.language).toBe('fr');
    expect(record.decision).toMatchObject({ queue, priority: Number(priority), fallbackUsed: true });
    expect(record.decision.reasons).toContain(reason);
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(record.reply.text).toContain(sentence);
    expect(queues?.queues[queue as string]).toEqual([
      expect.objectContaining({ caseNumber: record.caseNumber, priority: 1, verified: true }),
    ]);
  });
});
