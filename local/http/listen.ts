import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Listens on `port`; when `orFreePort` and the port is taken (another runtime, another program), on a free
 * one instead, saying so in `note`. An asked-for port that is taken stops start-up.
 */
export async function listen(
  server: Server,
  port: number,
  host: string,
  orFreePort: boolean,
): Promise<{ port: number; note: string }> {
  const attempt = (p: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  let note = '';
  try {
    await attempt(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !orFreePort) throw error;
    note = ` (${port} was busy)`;
    await attempt(0);
  }
  return { port: (server.address() as AddressInfo).port, note };
}
