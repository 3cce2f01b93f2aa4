import { request } from 'node:http';

/** An HTTP answer as a client sees it. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** What to send: any method, a raw request target, any headers (Host included), a body sent as given. */
export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  /** Sent with Content-Length; `chunks` instead sends it chunked, with no length announced. */
  readonly body?: string | Buffer;
  readonly chunks?: readonly (string | Buffer)[];
}

/**
 * Sends one request the way an attacker's client could (a forged Host, a raw percent-encoded path, a
 * chunked body), which fetch would normalise or refuse, and reads the whole answer.
 */
export function rawHttp(baseUrl: string, req: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const client = request(
      { hostname, port, method: req.method ?? 'GET', path: req.path, headers: req.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    client.on('error', reject);
    if (req.chunks) for (const chunk of req.chunks) client.write(chunk);
    client.end(req.body);
  });
}
