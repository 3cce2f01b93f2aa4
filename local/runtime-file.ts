import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a running runtime tells the CLIs about itself, in `<DATA_DIR>/runtime.json`. */
export interface RuntimeFile {
  readonly pid: number;
  /** The operator's API and console. */
  readonly url: string;
  /** The public doors (Twilio webhooks). */
  readonly doorsUrl: string;
  /** The SMTP door's port, when it listens. */
  readonly smtpPort?: number | undefined;
  readonly dataDir: string;
  /** The origin Twilio signatures are checked against, when set (PUBLIC_ORIGIN). */
  readonly publicOrigin?: string | undefined;
}

const FILE = 'runtime.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes the runtime file (ports and pid, no secret) into a data folder; a memory runtime writes none. */
export function writeRuntimeFile(info: RuntimeFile): void {
  if (info.dataDir === 'memory') return;
  writeFileSync(join(info.dataDir, FILE), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the runtime file if it is this process's (another runtime may have started on the folder since). */
export function removeRuntimeFile(dataDir: string): void {
  if (dataDir === 'memory' || readRuntimeFile(dataDir)?.pid !== process.pid) return;
  rmSync(join(dataDir, FILE), { force: true });
}

/** The runtime serving this data folder, if its file is there and its process still runs. */
export function readRuntimeFile(dataDir: string): RuntimeFile | undefined {
  let info: RuntimeFile;
  try {
    info = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as RuntimeFile;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(info.pid) || typeof info.url !== 'string' || typeof info.doorsUrl !== 'string')
    return undefined;
  return alive(info.pid) ? info : undefined;
}
