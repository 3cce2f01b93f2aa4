import type { IncomingMessage } from 'node:http';
import type { ApiResponse } from './router';

/** What the operator port answers to. */
export interface OperatorGuardOptions {
  /** Host names besides localhost, 127.0.0.1 and [::1] (HOST and ALLOWED_HOSTS). */
  readonly allowedHosts: readonly string[];
  /** The port the operator listener got (known only once it listens, for PORT=0). */
  readonly port: () => number;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Neither is a type a cross-site form or no-cors fetch can send, so a browser must ask first (a CORS
// preflight this runtime never grants): the classic CSRF bodies (text/plain, forms) are refused.
const JSON_TYPES = new Set(['application/json', 'application/x-ndjson']);

const refuse = (status: number, code: string, error: string): ApiResponse => ({
  status,
  body: { error, code },
});

function splitHost(value: string): { name: string; port: number | undefined } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? undefined : Number(match[2]) };
}

function hostAllowed(value: string | undefined, options: OperatorGuardOptions, defaultPort: number): boolean {
  const host = value === undefined ? undefined : splitHost(value);
  if (!host) return false;
  const names = new Set([...LOOPBACK, ...options.allowedHosts.map((h) => h.toLowerCase())]);
  return names.has(host.name) && (host.port ?? defaultPort) === options.port();
}

function originAllowed(origin: string, options: OperatorGuardOptions): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file: pages) included
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return hostAllowed(url.host, options, url.protocol === 'https:' ? 443 : 80);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function carriesBody(req: IncomingMessage): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return req.headers['transfer-encoding'] !== undefined || (Number.isFinite(length) && length > 0);
}

/**
 * The operator port's door policy, checked before any route: a Host naming this machine (421 otherwise: a
 * DNS-rebinding page reaches us under its own name), no other site's page (403 for a foreign Origin or
 * Sec-Fetch-Site), and bodies declared as JSON (415). CLIs and curl send neither Origin nor Sec-Fetch-*.
 */
export function operatorGuard(options: OperatorGuardOptions) {
  return function guard(req: IncomingMessage): ApiResponse | undefined {
    if (!hostAllowed(header(req, 'host'), options, 80))
      return refuse(
        421,
        'misdirected_request',
        `this port answers only to ${[...new Set([...LOOPBACK, ...options.allowedHosts])].join(', ')} on port ${options.port()}; add another name to ALLOWED_HOSTS`,
      );
    const origin = header(req, 'origin');
    if (origin !== undefined && !originAllowed(origin, options))
      return refuse(403, 'cross_site', 'requests from another site’s pages are refused');
    const site = header(req, 'sec-fetch-site');
    const navigation = SAFE_METHODS.has(req.method ?? 'GET') && header(req, 'sec-fetch-mode') === 'navigate';
    if ((site === 'cross-site' || site === 'same-site') && !navigation)
      return refuse(403, 'cross_site', 'requests from another site’s pages are refused');
    if (SAFE_METHODS.has(req.method ?? 'GET')) return undefined;
    const type = header(req, 'content-type');
    const media = type?.split(';')[0]?.trim().toLowerCase();
    if ((type !== undefined || carriesBody(req)) && !JSON_TYPES.has(media ?? ''))
      return refuse(
        415,
        'unsupported_media_type',
        `send the body as application/json (JSON lines to /api/import may be application/x-ndjson), not ${media || 'without a content-type'}`,
      );
    return undefined;
  };
}
