import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importBookings } from '../functions/domain/import/import-bookings';
import { parseImport } from '../functions/domain/import/parse-import';
import { retryPendingHandOffs } from '../functions/domain/intake/hand-off';
import { horizonWarnings } from '../functions/domain/routing/holiday-calendar';
import { createLocalApp, type LocalApp } from './app';
import type { LocalConfig } from './config';
import { demoBookingRows } from './demo/demo-bookings';
import { LOCAL_DOORS } from './doors';
import type { StartedDoor } from './doors/door';
import { apiRoutes } from './http/api-routes';
import { withConsole } from './http/console-routes';
import { createRouter } from './http/router';

/** A running local contact router. */
export interface Runtime {
  readonly url: string;
  readonly app: LocalApp;
  /** How many demo bookings were imported at this start (0 when the store already had them). */
  readonly seeded: number;
  /** What each door says about itself at start-up (addresses, tokens). */
  readonly banner: readonly string[];
  /** Runs the retry beat now, without waiting for its next tick (tests). */
  retryNow(): Promise<void>;
  close(): Promise<void>;
}

// Hand-offs that failed (contact centre down) and doors' failed sends (mailer down) are retried on this
// beat, so nothing waits for a person.
const RETRY_EVERY_MS = 10_000;

async function seedDemo(app: LocalApp): Promise<number> {
  const rows = demoBookingRows(app.clock.now());
  const first = rows[0] as { reference: string };
  if (await app.bookings.getBooking(first.reference, app.clock.now())) return 0;
  const report = await importBookings(
    { bookings: app.bookings, pinHasher: app.pinHasher, now: app.clock.now() },
    parseImport(JSON.stringify(rows)),
  );
  return report.imported;
}

/** Starts the embedded store, seeds the demo data on first start, and serves the HTTP API. */
export async function startRuntime(
  config: LocalConfig,
  log: (line: string) => void = () => {},
): Promise<Runtime> {
  const { app, store } = await createLocalApp(config);
  for (const warning of horizonWarnings(app.policy, app.clock.now())) log(`warning: ${warning}`);
  const seeded = config.seedDemo ? await seedDemo(app) : 0;
  let url = '';
  const doorRoutes = LOCAL_DOORS.flatMap((door) => door.routes(app, config, () => url));
  const server: Server = createServer(
    createRouter(
      withConsole(app, config, () => url, [...apiRoutes(app), ...doorRoutes]),
      (error) => log(`error: ${String(error)}`),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${config.host}:${port}`;
  const doors: StartedDoor[] = [];
  for (const door of LOCAL_DOORS) if (door.start) doors.push(await door.start(app, config));
  const retryPending = () =>
    Promise.all([
      retryPendingHandOffs(app.intake.contactCenter, app.cases).catch((error: unknown) =>
        log(`hand-off retry failed: ${String(error)}`),
      ),
      ...doors.map((door) =>
        door.retry?.().then(
          (done) => done && log(done),
          (error: unknown) => log(`retry failed: ${String(error)}`),
        ),
      ),
    ]);
  // A runtime that stopped abruptly may have left hand-offs half done: catch up at once, then on a beat.
  // The last round is kept so closing waits for it instead of pulling the store from under it.
  let lastRound: Promise<unknown> = retryPending();
  const retry = setInterval(() => {
    lastRound = retryPending();
  }, RETRY_EVERY_MS);
  retry.unref();
  return {
    url,
    banner: doors.flatMap((d) => d.banner),
    app,
    seeded,
    retryNow: async () => {
      await retryPending();
    },
    close: async () => {
      clearInterval(retry);
      await lastRound;
      for (const door of doors) await door.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}
