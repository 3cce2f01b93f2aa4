import type { IncomingMessage, ServerResponse } from 'node:http';
import { DependencyError, DomainError, NotFoundError, ValidationError } from '../../functions/domain/errors';

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

/** A request body larger than the limit. */
export class PayloadTooLargeError extends DomainError {
  constructor(limit: number) {
    super('payload_too_large', `request body is larger than ${limit} bytes`);
    this.name = 'PayloadTooLargeError';
  }
}

const MAX_BODY = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new PayloadTooLargeError(MAX_BODY));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function compile(pattern: string): RegExp {
  const source = pattern.replace(/:(\w+)/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}/?$`);
}

/** Maps an error to the status and body a client can act on; unexpected errors hide their details. */
export function errorResponse(error: unknown): ApiResponse {
  if (error instanceof ValidationError)
    return { status: 400, body: { error: error.message, code: error.code, path: error.path } };
  if (error instanceof NotFoundError)
    return { status: 404, body: { error: error.message, code: error.code } };
  if (error instanceof PayloadTooLargeError)
    return { status: 413, body: { error: error.message, code: error.code } };
  if (error instanceof DependencyError)
    return { status: 503, body: { error: error.message, code: error.code, retryable: error.retryable } };
  if (error instanceof DomainError) return { status: 400, body: { error: error.message, code: error.code } };
  return { status: 500, body: { error: 'internal error', code: 'internal' } };
}

/** Builds a node:http listener from routes, answering JSON and mapping domain errors to statuses. */
export function createRouter(routes: readonly Route[], onError: (error: unknown) => void) {
  const compiled = routes.map(([method, pattern, handler]) => ({ method, regex: compile(pattern), handler }));
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    let response: ApiResponse;
    try {
      const candidates = compiled.filter((r) => r.regex.test(url.pathname));
      const route = candidates.find((r) => r.method === method);
      if (!route) {
        response =
          candidates.length > 0
            ? {
                status: 405,
                body: { error: `${method} not allowed on ${url.pathname}`, code: 'method_not_allowed' },
              }
            : { status: 404, body: { error: `no route ${method} ${url.pathname}`, code: 'not_found' } };
      } else {
        let body: Promise<string> | undefined;
        const text = () => (body ??= readBody(req));
        response = await route.handler({
          method,
          path: url.pathname,
          rawUrl: req.url ?? '/',
          params: Object.fromEntries(
            Object.entries(route.regex.exec(url.pathname)?.groups ?? {}).map(([k, v]) => [
              k,
              decodeURIComponent(v),
            ]),
          ),
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
    } catch (error) {
      response = errorResponse(error);
      if (response.status >= 500) onError(error);
    }
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
  };
}
