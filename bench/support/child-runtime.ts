// The local runtime as its own process (`npm start`), so a campaign can kill it and start it again.
import { type ChildProcess, spawn } from 'node:child_process';
import { emailDoorAddress } from '../../local/doors/email-door';

/** A runtime started as a child process. */
export interface ChildRuntime {
  /** The operator's API. */
  readonly url: string;
  /** The public doors (Twilio webhooks), from the banner's doors line. */
  readonly doorsUrl: string;
  /** The email door's SMTP port, from its start-up banner line. */
  readonly smtpPort: number;
  readonly output: () => string;
  /** Sends a signal and waits for the process to exit; returns its exit code (null when killed). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `local/main.ts` with these settings and resolves once it prints where it serves. */
export async function startChildRuntime(env: Record<string, string>): Promise<ChildRuntime> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match?.[1] && out.includes('Ctrl-C')) resolve(match[1]);
    });
    exited.then((code) => reject(new Error(`runtime exited with ${code} before serving:\n${out}`)));
  });
  const smtp = emailDoorAddress(out.split('\n').map((line) => line.trim()));
  if (!smtp) throw new Error(`the runtime's banner names no SMTP port:\n${out}`);
  const doorsUrl = /^\s*doors\s+(http:\/\/\S+)/m.exec(out)?.[1];
  if (!doorsUrl) throw new Error(`the runtime's banner names no doors address:\n${out}`);
  return {
    url,
    doorsUrl,
    smtpPort: smtp.port,
    output: () => out,
    stop: async (signal = 'SIGINT') => {
      child.kill(signal);
      return exited;
    },
  };
}
