import { ValidationError } from '../../functions/domain/errors';
import type { LocalApp } from '../app';
import type { LocalConfig } from '../config';
import { buildConsoleAssets, type ConsoleAssets } from '../console/assets';
import { ChangeFeed } from '../console/change-feed';
import { queuesWithBookings, teamStatuses } from '../console/queue-view';
import { tryRoutes } from '../console/try/try-routes';
import { watchWrites } from '../console/watch-writes';
import type { Route, RuntimeUrls } from './router';

// Long enough to spare requests, short enough that proxies and browsers never give up on one.
const LONG_POLL_MS = 25_000;

// The console loads only its own files and talks only to this server (defence in depth against XSS).
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

function staticRoutes(): Route[] {
  let built: Promise<ConsoleAssets> | undefined;
  const serve = (path: string) => async () => {
    built ??= buildConsoleAssets();
    const asset = (await built).get(path);
    if (!asset) return { status: 404, body: { error: `no console file ${path}`, code: 'not_found' } };
    return { status: 200, body: asset.body, headers: { ...PAGE_HEADERS, 'content-type': asset.contentType } };
  };
  return ['/', '/console/app.js', '/console/app.css'].map((path): Route => ['GET', path, serve(path)]);
}

function versionOf(query: URLSearchParams): number | undefined {
  const raw = query.get('after');
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n))
    throw new ValidationError('after', 'must be a version number from /api/events');
  return n;
}

/** The console's read routes: its files, queues with bookings, team states, and the change feed. */
export function consoleRoutes(app: LocalApp, feed: ChangeFeed): Route[] {
  return [
    ...staticRoutes(),
    [
      'GET',
      '/api/events',
      async (req) => {
        const after = versionOf(req.query);
        const version = after === undefined ? feed.current : await feed.wait(after, LONG_POLL_MS);
        return { status: 200, body: { version }, headers: { 'cache-control': 'no-store' } };
      },
    ],
    [
      'GET',
      '/api/console/queues',
      async () => ({
        status: 200,
        body: { now: app.clock.now().toISOString(), queues: await queuesWithBookings(app) },
      }),
    ],
    ['GET', '/api/policy/status', async () => ({ status: 200, body: await teamStatuses(app) })],
  ];
}

/**
 * Adds the console's routes (its files, views, change feed and try-it endpoints) to the operator's; the
 * try-it panel sends through `doorRoutes`, the doors listener's.
 */
export function withConsole(
  app: LocalApp,
  config: LocalConfig,
  urls: RuntimeUrls,
  routes: readonly Route[],
  doorRoutes: readonly Route[],
): Route[] {
  const feed = new ChangeFeed();
  watchWrites(app.dynamoClient, () => feed.changed());
  return [
    ...consoleRoutes(app, feed),
    ...tryRoutes(app, config, urls, [...routes, ...doorRoutes]),
    ...routes,
  ];
}
