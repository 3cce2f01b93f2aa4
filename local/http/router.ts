import type { IncomingMessage, ServerResponse } from 'node:http';
import { ValidationError } from '../../functions/domain/errors';
import { errorAnswer } from '../../functions/handlers/http/error-answer';
import { readBody } from './read-body';

/** What a route handler sees of a request. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  /** The request target as sent, path and raw query string (what a webhook signature covers). */
  readonly rawUrl: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** The raw body as text (read once, capped). */
  text(): Promise<string>;
  /** The body parsed as JSON; a parse failure is a 400 naming the problem. */
  json(): Promise<unknown>;
}

/** Where a running runtime's two listeners are (known once they listen). */
export interface RuntimeUrls {
  /** The operator's API and console. */
  readonly operator: () => string;
  /** The public doors (Twilio's webhooks). */
  readonly doors: () => string;
}

/** A handler's answer; objects are sent as JSON. */
export interface ApiResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One route: method, a path pattern with `:params`, and its handler. */
export type Route = readonly [
  method: string,
  pattern: string,
  handler: (req: ApiRequest) => Promise<ApiResponse>,
];

function compile(pattern: string): RegExp {
  const source = pattern.replace(/:(\w+)/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}/?$`);
}

/** How a listener reads requests: its body limit, who it refuses before any route, where errors go. */
export interface RouterOptions {
  readonly maxBodyBytes: number;
  /** Answers a request refused before routing (the operator port's Host, Origin and type checks). */
  readonly guard?: ((req: IncomingMessage) => ApiResponse | undefined) | undefined;
  readonly onError: (error: unknown) => void;
}

// A malformed request target or percent-encoding is the client's mistake: 400, never a 500.
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ValidationError('path', `malformed percent-encoding in "${value.slice(0, 100)}"`);
  }
}

function targetOf(req: IncomingMessage): URL {
  const raw = req.url ?? '/';
  if (!raw.startsWith('/')) throw new ValidationError('path', 'the request target must be a path');
  return new URL(`http://localhost${raw}`);
}

function send(res: ServerResponse, response: ApiResponse): void {
  const isText = typeof response.body === 'string';
  res.writeHead(response.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...response.headers,
  });
  res.end(
    response.body === undefined
      ? ''
      : isText
        ? (response.body as string)
        : JSON.stringify(response.body, null, 2),
  );
}

/** Builds a node:http listener from routes, answering JSON and mapping domain errors to statuses. */
export function createRouter(routes: readonly Route[], options: RouterOptions) {
  const compiled = routes.map(([method, pattern, handler]) => ({ method, regex: compile(pattern), handler }));
  async function answer(req: IncomingMessage): Promise<ApiResponse> {
    const refused = options.guard?.(req);
    if (refused) return refused;
    const url = targetOf(req);
    const method = req.method ?? 'GET';
    const candidates = compiled.filter((r) => r.regex.test(url.pathname));
    const route = candidates.find((r) => r.method === method);
    if (!route)
      return candidates.length > 0
        ? {
            status: 405,
            body: { error: `${method} not allowed on ${url.pathname}`, code: 'method_not_allowed' },
          }
        : { status: 404, body: { error: `no route ${method} ${url.pathname}`, code: 'not_found' } };
    const params = Object.fromEntries(
      Object.entries(route.regex.exec(url.pathname)?.groups ?? {}).map(([k, v]) => [k, decode(v)]),
    );
    let body: Promise<string> | undefined;
    const text = () => (body ??= readBody(req, options.maxBodyBytes));
    return route.handler({
      method,
      path: url.pathname,
      rawUrl: req.url ?? '/',
      params,
      query: url.searchParams,
      headers: req.headers,
      text,
      json: async () => {
        const raw = await text();
        try {
          return JSON.parse(raw) as unknown;
        } catch (error) {
          throw new ValidationError('body', `not valid JSON: ${(error as Error).message}`);
        }
      },
    });
  }
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let response: ApiResponse;
    try {
      response = await answer(req);
    } catch (error) {
      response = errorAnswer(error);
      if (response.status >= 500) options.onError(error);
    }
    // A body left unread (a refusal, a 413) is read and discarded after the answer, by node or by readBody,
    // so the client, still sending, reads the answer instead of a reset connection.
    send(res, response);
  };
}
