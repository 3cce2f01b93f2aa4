import { CHANNELS, type Channel } from '../../domain/contact';
import { ValidationError } from '../../domain/errors';
import type { ReplyContent } from '../../domain/replies/reply-content';

const AGENT_MAX = 100;
const TEXT_MAX = 20_000;
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The body of POST /api/cases/:caseNumber/replies, checked: who writes, what, on which channel. */
export interface ReplyBody {
  readonly agent: string;
  readonly content: ReplyContent;
  readonly channel?: Channel | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(body: Record<string, unknown>, name: string, max: number): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw new ValidationError(name, `expected a non-empty "${name}" string`);
  if (value.length > max) throw new ValidationError(name, `at most ${max} characters`);
  return value;
}

/** Reads `{ agent, text }` or `{ agent, template, variables? }`, with an optional `channel`. */
export function parseReplyBody(body: unknown): ReplyBody {
  if (!isRecord(body)) throw new ValidationError('body', 'expected a JSON object');
  const agent = text(body, 'agent', AGENT_MAX);
  if (!agent) throw new ValidationError('agent', 'expected a non-empty "agent" string');
  const said = text(body, 'text', TEXT_MAX);
  const template = text(body, 'template', 100);
  if ((said === undefined) === (template === undefined))
    throw new ValidationError('text', 'give either "text" or "template" (one of them)');
  const variables = body.variables;
  if (variables !== undefined && (template === undefined || !isRecord(variables)))
    throw new ValidationError('variables', '"variables" is an object of strings, with "template" only');
  for (const [name, value] of Object.entries(variables ?? {}))
    if (typeof value !== 'string') throw new ValidationError(`variables.${name}`, 'expected a string');
  const channel = body.channel;
  if (channel !== undefined && !(CHANNELS as readonly unknown[]).includes(channel))
    throw new ValidationError('channel', `one of ${CHANNELS.join(', ')}`);
  return {
    agent: agent.trim(),
    content:
      said !== undefined
        ? { text: said }
        : { template: template as string, variables: variables as Record<string, string> | undefined },
    channel: channel as Channel | undefined,
  };
}

/** The Idempotency-Key header: a retry with it sends once; printable ASCII, at most 200 characters. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !KEY.test(value))
    throw new ValidationError(
      'Idempotency-Key',
      'must be 1 to 200 printable ASCII characters without spaces',
    );
  return value;
}
