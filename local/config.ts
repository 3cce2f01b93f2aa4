import { resolve } from 'node:path';

/** How the local runtime is set up; every value has an embedded default so `npm start` just works. */
export interface LocalConfig {
  /** The operator's port: API and console (never to be exposed). */
  readonly port: number;
  /** The public doors' port: Twilio's webhooks only, the one a tunnel may expose. */
  readonly doorsPort: number;
  readonly host: string;
  /** Host names the operator port answers to besides localhost, 127.0.0.1, [::1] and HOST. */
  readonly allowedHosts: readonly string[];
  /** Where the local DynamoDB keeps its data between restarts. */
  readonly dataDir: string;
  /** Run as if the clock had started at this instant (it keeps ticking from there). */
  readonly startAt?: Date | undefined;
  readonly policyFile: string;
  /** Import demo bookings when the store is empty. */
  readonly seedDemo: boolean;
}

/** The default ports: the operator's API and console, and the public doors beside it. */
export const DEFAULT_PORTS = { operator: 3000, doors: 3001 } as const;

/** The default data folder, relative to the project (git-ignored). */
export const DEFAULT_DATA_DIR = '.data/local';

/** A setting that cannot be used; start-up stops with this rather than misbehave later. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function port(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(`${name} must be 0-65535, got "${raw}"`);
  return n;
}

function hostList(raw: string | undefined): string[] {
  const hosts = (raw ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const host of hosts)
    if (!/^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])$/.test(host))
      throw new ConfigError(`ALLOWED_HOSTS takes host names without port or scheme, got "${host}"`);
  return hosts;
}

/** Reads the local runtime's settings from the environment, failing loudly on a bad value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const now = env.CONTACT_ROUTER_NOW;
  const startAt = now ? new Date(now) : undefined;
  if (startAt && Number.isNaN(startAt.getTime())) {
    throw new ConfigError(
      `CONTACT_ROUTER_NOW must be an ISO time like 2026-12-24T23:10:00+01:00, got "${now}"`,
    );
  }
  const operatorPort = port('PORT', env.PORT, DEFAULT_PORTS.operator);
  return {
    port: operatorPort,
    // PORT=0 (tests, runtimes side by side) lets the doors pick a free port too.
    doorsPort: port('DOORS_PORT', env.DOORS_PORT, operatorPort === 0 ? 0 : DEFAULT_PORTS.doors),
    host: env.HOST ?? '127.0.0.1',
    allowedHosts: hostList(env.ALLOWED_HOSTS),
    // "memory" keeps everything in memory (nothing on disk); any other value is a folder.
    dataDir: env.DATA_DIR === 'memory' ? 'memory' : resolve(env.DATA_DIR ?? DEFAULT_DATA_DIR),
    startAt,
    policyFile: resolve(env.ROUTING_POLICY ?? 'policy/routing-policy.json'),
    seedDemo: env.SEED_DEMO !== 'false',
  };
}
