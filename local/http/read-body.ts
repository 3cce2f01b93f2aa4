import type { IncomingMessage } from 'node:http';
import { PayloadTooLargeError } from '../../functions/handlers/http/error-answer';

// After a 413 the rest of the body is read and thrown away, so the client (still sending) reads our answer
// instead of a reset connection; past this much more, or this long, the connection is cut.
const DRAIN_FACTOR = 8;
const DRAIN_MS = 30_000;

function drain(req: IncomingMessage, limit: number): void {
  let drained = 0;
  const timer = setTimeout(() => req.destroy(), DRAIN_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > limit * DRAIN_FACTOR) req.destroy();
  });
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/**
 * Reads a request body up to `limit` bytes. A larger one (by Content-Length or as it arrives) rejects with
 * PayloadTooLargeError and the rest is drained (read and discarded) while the caller answers 413.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      drain(req, limit);
      reject(new PayloadTooLargeError(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      chunks.length = 0;
      drain(req, limit);
      reject(new PayloadTooLargeError(limit));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
