import { createServer, type Server } from 'node:http';
import { importBookings } from '../functions/domain/import/import-bookings';
import { parseImport } from '../functions/domain/import/parse-import';
import { sendDueIncidentMessages } from '../functions/domain/incidents/resolve';
import { retryPendingHandOffs } from '../functions/domain/intake/hand-off';
import { sendDueNotices } from '../functions/domain/notify/notify-booking';
import { replayUnsent } from '../functions/domain/outbound/replay';
import { horizonWarnings } from '../functions/domain/routing/holiday-calendar';
import { createLocalApp, type LocalApp } from './app';
import type { LocalConfig } from './config';
import { demoBookingRows } from './demo/demo-bookings';
import { LOCAL_DOORS } from './doors';
import type { LocalDoor, StartedDoor } from './doors/door';
import { emailDoorAddress } from './doors/email-door';
import { apiRoutes } from './http/api-routes';
import { withConsole } from './http/console-routes';
import { listen } from './http/listen';
import { operatorGuard } from './http/operator-guard';
import { createRouter } from './http/router';
import { localRetentionSweep } from './retention-sweep';
import { removeRuntimeFile, writeRuntimeFile } from './runtime-file';

/** A running local contact router. */
export interface Runtime {
  /** The operator's API and console (never to be exposed). */
  readonly url: string;
  /** The public doors: Twilio's webhooks, and nothing else (what a tunnel may expose). */
  readonly doorsUrl: string;
  readonly app: LocalApp;
  /** How many demo bookings were imported at this start (0 when the store already had them). */
  readonly seeded: number;
  /** What each door says about itself at start-up (addresses, tokens). */
  readonly banner: readonly string[];
  /** Runs the retry beat now, without waiting for its next tick (tests). */
  retryNow(): Promise<void>;
  close(): Promise<void>;
}

// Hand-offs that failed (contact centre down), messages whose send failed (Twilio or the mailer down)
// and doors' failed acknowledgements are retried on this beat, so nothing waits for a person.
const RETRY_EVERY_MS = 10_000;
const DUE_NOTICES_PER_BEAT = 100;

/** The operator API's body limit (an import file), and the doors' (a Twilio webhook is a few KB). */
export const BODY_LIMITS = { operator: 10 * 1024 * 1024, doors: 1024 * 1024 } as const;

async function seedDemo(app: LocalApp): Promise<number> {
  const rows = demoBookingRows(app.clock.now());
  const first = rows[0] as { reference: string };
  if (await app.bookings.getBooking(first.reference, app.clock.now())) return 0;
  const report = await importBookings(
    { bookings: app.bookings, pinHasher: app.pinHasher, now: app.clock.now() },
    await parseImport(JSON.stringify(rows)),
  );
  return report.imported;
}

// The name a Host header gives the listening address by (IPv6 literals in brackets).
const hostName = (host: string) => (host.includes(':') ? `[${host}]` : host).toLowerCase();

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the embedded store, seeds the demo data on first start, and serves two listeners: the operator's
 * API and console on PORT (localhost names only, no cross-site requests), and the public doors on
 * DOORS_PORT (Twilio's webhooks, nothing else), so exposing the doors exposes no operator route.
 * `doorList` is every door the runtime serves (LOCAL_DOORS unless a test adds one).
 */
export async function startRuntime(
  config: LocalConfig,
  log: (line: string) => void = () => {},
  doorList: readonly LocalDoor[] = LOCAL_DOORS,
): Promise<Runtime> {
  const { app, store } = await createLocalApp(config);
  for (const warning of horizonWarnings(app.policy, app.clock.now())) log(`warning: ${warning}`);
  const seeded = config.seedDemo ? await seedDemo(app) : 0;
  let url = '';
  let doorsUrl = '';
  let operatorPort = 0;
  const onError = (error: unknown) => log(`error: ${String(error)}`);
  const doorRoutes = doorList.flatMap((door) => door.publicRoutes?.(app, config, () => doorsUrl) ?? []);
  const localRoutes = doorList.flatMap((door) => door.operatorRoutes?.(app, config) ?? []);
  const urls = { operator: () => url, doors: () => doorsUrl };
  const operator = createServer(
    createRouter(withConsole(app, config, urls, [...apiRoutes(app, urls), ...localRoutes], doorRoutes), {
      maxBodyBytes: BODY_LIMITS.operator,
      guard: operatorGuard({
        allowedHosts: [hostName(config.host), ...config.allowedHosts],
        port: () => operatorPort,
      }),
      onError,
    }),
  );
  const doorsServer = createServer(createRouter(doorRoutes, { maxBodyBytes: BODY_LIMITS.doors, onError }));
  operatorPort = (await listen(operator, config.port, config.host, false)).port;
  url = `http://${hostName(config.host)}:${operatorPort}`;
  const doorsListening = await listen(
    doorsServer,
    config.doorsPort,
    config.host,
    !process.env.DOORS_PORT,
  ).catch(async (error: unknown) => {
    await closeServer(operator);
    throw error;
  });
  doorsUrl = `http://${hostName(config.host)}:${doorsListening.port}`;
  const doors: StartedDoor[] = [];
  for (const door of doorList) if (door.start) doors.push(await door.start(app, config));
  const banner = [
    `doors        ${doorsUrl}${doorsListening.note}  (Twilio's webhooks and the guests' survey page only: the one port to expose through a tunnel)`,
    ...doors.flatMap((d) => d.banner),
  ];
  writeRuntimeFile({
    pid: process.pid,
    url,
    doorsUrl,
    smtpPort: emailDoorAddress(banner)?.port,
    dataDir: config.dataDir,
    publicOrigin: process.env.PUBLIC_ORIGIN?.replace(/\/$/, '') || undefined,
  });
  const sweepRetention = localRetentionSweep(app);
  const retryPending = () =>
    Promise.all([
      sweepRetention().then(
        (run) => run.closed > 0 && log(`closed ${run.closed} settled case(s)`),
        (error: unknown) => log(`retention sweep failed: ${String(error)}`),
      ),
      retryPendingHandOffs(app.intake.contactCenter, app.cases).catch((error: unknown) =>
        log(`hand-off retry failed: ${String(error)}`),
      ),
      // Booking updates held for the guest's morning, or left pending by a failed send.
      sendDueNotices(app.bookingUpdates, DUE_NOTICES_PER_BEAT).then(
        (run) => run.sent > 0 && log(`sent ${run.sent} held booking update(s)`),
        (error: unknown) => log(`booking updates failed: ${String(error)}`),
      ),
      replayUnsent(app.outbound).then(
        (run) => run.unsent > 0 && log(`outbound: ${run.sent} of ${run.unsent} unsent messages sent again`),
        (error: unknown) => log(`outbound replay failed: ${String(error)}`),
      ),
      sendDueIncidentMessages({
        store: app.incidents.store,
        bookings: app.incidents.search,
        deliver: app.outbound.deliver,
        clock: app.clock,
        perMinute: app.policy.incidents.notificationsPerMinute,
      }).then(
        (run) =>
          run.notices + run.resolutions > 0 &&
          log(`sent ${run.notices} incident notice(s), ${run.resolutions} resolution message(s)`),
        (error: unknown) => log(`incident notices failed: ${String(error)}`),
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
    doorsUrl,
    banner,
    app,
    seeded,
    retryNow: async () => {
      await retryPending();
    },
    close: async () => {
      clearInterval(retry);
      await lastRound;
      removeRuntimeFile(config.dataDir);
      for (const door of doors) await door.close();
      await closeServer(doorsServer);
      await closeServer(operator);
      await store.close();
    },
  };
}
