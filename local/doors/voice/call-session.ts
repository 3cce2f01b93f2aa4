import { randomUUID } from 'node:crypto';
import type { RoutingPolicy } from '../../../functions/domain/routing/policy-schema';
import { type AskOptions, type CallResult, simulateCall } from '../../flow-sim';
import { localFlowEnvironment, readFlow } from './connect-local';

/** Who calls which line of which running runtime. */
export interface CallOptions {
  /** The running local runtime, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  /** The dialled number. */
  readonly to: string;
  /** Caller id (E.164), or null for a withheld number. */
  readonly from: string | null;
}

/** The caller's side: hears lines, answers questions (undefined = silence, the question times out). */
export interface CallTerminal {
  print(line: string): void;
  answer(prompt: string, options: AskOptions): Promise<string | undefined>;
}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * Plays contact-flows/main-inbound.json through the flow simulator against a running local runtime:
 * its IVR Lambda stand-in, its hours and staffing. A typed sentence stands for speech: the runtime's
 * classifier turns it into the keys the question expects (as a speech bot would). Returns how it ended.
 */
export async function playCall(options: CallOptions, terminal: CallTerminal): Promise<CallResult> {
  const { policy } = await api<{ policy: RoutingPolicy }>(`${options.url}/api/policy`);
  let lastNext = '';
  let language = '';
  const env = localFlowEnvironment(policy, {
    invokeIvr: async (event) => {
      const answer = await api<Record<string, string>>(`${options.url}/connect/ivr`, post(event));
      lastNext = answer.next ?? '';
      language = answer.language ?? '';
      return answer;
    },
    queueOpen: async (queue) =>
      (await api<{ open: boolean }>(`${options.url}/connect/queues/${queue}/state`)).open,
    agentsStaffed: async (queue) =>
      (await api<{ agentsStaffed: number }>(`${options.url}/connect/queues/${queue}/state`)).agentsStaffed,
    now: () => new Date(),
  });
  const io = {
    // Each line shows the contact's language code and the Polly voice that reads it.
    say: (text: string, lang: string, voice: string) => {
      if (text) terminal.print(`  [${lang} · ${voice}] ${text}`);
    },
    ask: async (prompt: string, ask: AskOptions) => {
      if (prompt) terminal.print(`  [${ask.language} · ${ask.voice}] ${prompt}`);
      const typed = (await terminal.answer(prompt, ask))?.trim();
      if (!typed) {
        terminal.print('  (no answer)');
        return undefined;
      }
      if (/^[0-9*#\s]+$/.test(typed)) return typed;
      const { keys } = await api<{ keys: string | null }>(
        `${options.url}/connect/understand`,
        post({ next: lastNext, text: typed, language }),
      );
      terminal.print(`  (speech "${typed}" → ${keys ?? 'nothing the menu knows'})`);
      return keys ?? '*';
    },
  };
  return simulateCall(readFlow('main-inbound'), env, io, {
    to: options.to,
    from: options.from,
    contactId: randomUUID(),
  });
}
