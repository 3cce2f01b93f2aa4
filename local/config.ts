import { resolve } from 'node:path';

/** How the local runtime is set up; every value has an embedded default so `npm start` just works. */
export interface LocalConfig {
  readonly port: number;
  readonly host: string;
  /** Where the local DynamoDB keeps its data between restarts. */
  readonly dataDir: string;
  /** Run as if the clock had started at this instant (it keeps ticking from there). */
  readonly startAt?: Date | undefined;
  readonly policyFile: string;
  /** Import demo bookings when the store is empty. */
  readonly seedDemo: boolean;
}

/** A setting that cannot be used; start-up stops with this rather than misbehave later. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function port(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be 0-65535, got "${raw}"`);
  return n;
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
  return {
    port: port(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    // "memory" keeps everything in memory (nothing on disk); any other value is a folder.
    dataDir: env.DATA_DIR === 'memory' ? 'memory' : resolve(env.DATA_DIR ?? '.data/local'),
    startAt,
    policyFile: resolve(env.ROUTING_POLICY ?? 'policy/routing-policy.json'),
    seedDemo: env.SEED_DEMO !== 'false',
  };
}
