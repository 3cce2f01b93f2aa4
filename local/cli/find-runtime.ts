import { DEFAULT_PORTS, readConfig } from '../config';
import { readRuntimeFile } from '../runtime-file';

/** A running local runtime as a CLI finds it. */
export interface FoundRuntime {
  /** The operator's API. */
  readonly url: string;
  /** The public doors (Twilio webhooks). */
  readonly doorsUrl: string;
  readonly smtpPort?: number | undefined;
  /** Its data folder (where its generated Twilio token is), when it keeps one on disk. */
  readonly dataDir?: string | undefined;
  readonly publicOrigin?: string | undefined;
  /** How it was found, for messages. */
  readonly how: string;
}

/** Where a CLI looked, for the message when nothing answered. */
export function whereLooked(env: NodeJS.ProcessEnv = process.env): string {
  const { dataDir, port } = readConfig(env);
  return `no runtime.json of a running runtime in ${dataDir}, and nothing answers on http://127.0.0.1:${port}/health`;
}

async function askHealth(url: string): Promise<FoundRuntime | undefined> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return undefined;
    const health = (await response.json()) as { dataDir?: string; doors?: string };
    return {
      url,
      doorsUrl: health.doors ?? `http://127.0.0.1:${DEFAULT_PORTS.doors}`,
      dataDir: health.dataDir,
      how: `GET ${url}/health`,
    };
  } catch {
    return undefined;
  }
}

/**
 * Finds the running runtime the way `npm start` was most likely run: the runtime file it keeps in its
 * data folder (DATA_DIR, default .data/local), else whatever answers on PORT (default 3000), asked for its
 * data folder and doors. Undefined when neither is there.
 */
export async function findRuntime(env: NodeJS.ProcessEnv = process.env): Promise<FoundRuntime | undefined> {
  const config = readConfig(env);
  const file = config.dataDir === 'memory' ? undefined : readRuntimeFile(config.dataDir);
  if (file) return { ...file, how: `${config.dataDir}/runtime.json` };
  return askHealth(`http://127.0.0.1:${config.port}`);
}
