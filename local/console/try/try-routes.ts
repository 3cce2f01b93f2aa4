import { ValidationError } from '../../../functions/domain/errors';
import type { LocalApp } from '../../app';
import type { LocalConfig } from '../../config';
import type { ApiRequest, Route } from '../../http/router';
import { localTwilioAuthToken } from '../../twilio-token';
import { parseTryBody, type TryResult, tryCallBody, tryEmailBody, tryMessageBody } from './try-body';
import { tryThroughJsonDoor } from './try-json';
import { MESSAGING_PATH, tryThroughMessagingDoor } from './try-message';

// A JSON content type makes a cross-site form post impossible without a CORS preflight we never grant.
async function jsonBody(req: ApiRequest): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/json'))
    throw new ValidationError('content-type', 'send the try-it request as application/json');
  return req.json();
}

const served = (routes: readonly Route[], method: string, path: string) =>
  routes.some(([m, p]) => m === method && p === path);

/**
 * The console's try-it endpoints: each sends a guest's message through the channel's real door when
 * the runtime serves it, else through the plain-JSON door (and says so in its answer).
 */
export function tryRoutes(
  app: LocalApp,
  config: LocalConfig,
  publicUrl: () => string,
  routes: readonly Route[],
): Route[] {
  const hasMessagingDoor = served(routes, 'POST', MESSAGING_PATH);
  const answer = (result: TryResult) => ({ status: 201, body: result });
  return [
    [
      'POST',
      '/api/try/sms',
      async (req) => {
        const body = parseTryBody(tryMessageBody, await jsonBody(req));
        if (!hasMessagingDoor)
          return answer(
            await tryThroughJsonDoor(app, { channel: body.channel, from: body.from, text: body.text }),
          );
        const access = {
          localUrl: publicUrl(),
          signedOrigin: process.env.PUBLIC_ORIGIN?.replace(/\/$/, '') ?? publicUrl(),
          authToken: localTwilioAuthToken(config.dataDir),
        };
        return answer(await tryThroughMessagingDoor(app, access, body));
      },
    ],
    [
      'POST',
      '/api/try/email',
      async (req) => {
        const body = parseTryBody(tryEmailBody, await jsonBody(req));
        return answer(
          await tryThroughJsonDoor(app, {
            channel: 'email',
            from: body.from,
            subject: body.subject,
            text: body.text,
          }),
        );
      },
    ],
    [
      'POST',
      '/api/try/call',
      async (req) => {
        const body = parseTryBody(tryCallBody, await jsonBody(req));
        return answer(
          await tryThroughJsonDoor(app, {
            channel: 'voice',
            from: body.from,
            text: body.said,
            languageHint: body.language,
            bookingRef: body.bookingRef,
            pin: body.pin,
          }),
        );
      },
    ],
  ];
}
