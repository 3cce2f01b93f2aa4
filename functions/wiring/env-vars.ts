// The readers every environment contract (functions/wiring/*-env.ts) is written with: a Lambda reads
// its settings once at cold start, and a missing or malformed one fails that cold start, naming it.

/** A required setting is missing or malformed: raised at cold start, not at the first contact. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** Reads a required environment variable or fails loudly, naming it. */
export function requiredEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === '')
    throw new ConfigurationError(`environment variable ${name} is not set`);
  return value;
}

/** Reads an optional environment variable: undefined when unset or blank. */
export function optionalEnv(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Parses `raw` as JSON, failing loudly (naming the variable) when it does not parse. */
export function parseJsonEnv(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ConfigurationError(
      `environment variable ${name} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

/** Reads a required environment variable holding JSON, failing loudly when it does not parse. */
export function requiredJsonEnv<T>(name: string, env: NodeJS.ProcessEnv = process.env): T {
  return parseJsonEnv(name, requiredEnv(name, env)) as T;
}

/** Reads an optional whole number above 0, `fallback` when unset; anything else fails loudly. */
export function positiveIntEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigurationError(`${name} must be a whole number above 0, got "${raw}"`);
  return n;
}

/** Reads an optional absolute URL (an origin, a callback), failing loudly when it does not parse. */
export function optionalUrlEnv(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = optionalEnv(name, env);
  if (value !== undefined && !URL.canParse(value))
    throw new ConfigurationError(`${name} must be an absolute URL like https://support.example.com`);
  return value;
}
