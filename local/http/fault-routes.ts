import { DependencyError, ValidationError } from '../../functions/domain/errors';
import type { LocalApp } from '../app';
import type { Route } from './router';

type State = 'down' | 'up';

/** Parts of the local runtime that can be made to fail on command (the reliability campaign's faults). */
export interface Faultable {
  failWith(error: Error | undefined): void;
}

function stateOf(body: Record<string, unknown>, key: string): State | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (value !== 'down' && value !== 'up') throw new ValidationError(key, 'must be "down" or "up"');
  return value;
}

/**
 * `PUT /api/faults {"contactCenter": "down"|"up", …}`: makes a local adapter fail like an outage until
 * set "up" again, so anyone can watch contacts wait and then get handed off. Local runtime only.
 */
export function faultRoutes(app: LocalApp, extra: Readonly<Record<string, Faultable>> = {}): Route[] {
  const parts: Record<string, Faultable> = { contactCenter: app.queues, ...extra };
  const states: Record<string, State> = Object.fromEntries(Object.keys(parts).map((k) => [k, 'up']));
  return [
    ['GET', '/api/faults', async () => ({ status: 200, body: states })],
    [
      'PUT',
      '/api/faults',
      async (req) => {
        const body = await req.json();
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          throw new ValidationError('body', `expected an object like {"contactCenter": "down"}`);
        const record = body as Record<string, unknown>;
        for (const key of Object.keys(record))
          if (!(key in parts))
            throw new ValidationError(key, `unknown part; known: ${Object.keys(parts).join(', ')}`);
        for (const [key, part] of Object.entries(parts)) {
          const state = stateOf(record, key);
          if (!state) continue;
          part.failWith(
            state === 'down' ? new DependencyError(key, 'down on command (PUT /api/faults)') : undefined,
          );
          states[key] = state;
        }
        return { status: 200, body: states };
      },
    ],
  ];
}
