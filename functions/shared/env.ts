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

/** Reads a required environment variable holding JSON, failing loudly when it does not parse. */
export function requiredJsonEnv<T>(name: string, env: NodeJS.ProcessEnv = process.env): T {
  const raw = requiredEnv(name, env);
  try {
    return JSON.parse(raw) as T;
  } catch (error) {
    throw new ConfigurationError(
      `environment variable ${name} is not valid JSON: ${(error as Error).message}`,
    );
  }
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
