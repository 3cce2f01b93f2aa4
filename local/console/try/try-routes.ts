import { readEmailSettings } from '../../../functions/adapters/email/email-settings';
import type { LocalApp } from '../../app';
import type { LocalConfig } from '../../config';
import { LOCAL_DOORS } from '../../doors';
import { LOCAL_EMAIL } from '../../doors/email-door';
import { TELEGRAM_PATH } from '../../doors/telegram-door';
import { readPhoneLines } from '../../doors/voice/local-ivr';
import type { Route, RuntimeUrls } from '../../http/router';
import { localTelegramWebhookSecret } from '../../telegram';
import { localTwilioAuthToken } from '../../twilio-token';
import {
  parseTryBody,
  type TryResult,
  tryCallBody,
  tryEmailBody,
  tryMessageBody,
  tryTelegramBody,
} from './try-body';
import { tryThroughVoiceDoor } from './try-call';
import { tryThroughSmtpDoor } from './try-email';
import { tryThroughJsonDoor } from './try-json';
import { MESSAGING_PATH, tryThroughMessagingDoor } from './try-message';
import { tryThroughTelegramDoor } from './try-telegram';

const served = (routes: readonly Route[], method: string, path: string) =>
  routes.some(([m, p]) => m === method && p === path);

/**
 * The console's try-it endpoints: each sends a guest's message through the channel's real door when
 * the runtime serves it (the Twilio doors on the doors listener, the Connect stand-ins on the operator's),
 * else through the plain-JSON door (and says so in its answer).
 */
export function tryRoutes(
  app: LocalApp,
  config: LocalConfig,
  urls: RuntimeUrls,
  routes: readonly Route[],
): Route[] {
  const hasMessagingDoor = served(routes, 'POST', MESSAGING_PATH);
  const hasVoiceDoor = served(routes, 'POST', '/connect/ivr');
  const hasTelegramDoor = served(routes, 'POST', TELEGRAM_PATH);
  const hasEmailDoor = LOCAL_DOORS.some((door) => door.name === 'email');
  const answer = (result: TryResult) => ({ status: 201, body: result });
  return [
    [
      'POST',
      '/api/try/sms',
      async (req) => {
        const body = parseTryBody(tryMessageBody, await req.json());
        if (!hasMessagingDoor)
          return answer(
            await tryThroughJsonDoor(app, { channel: body.channel, from: body.from, text: body.text }),
          );
        const access = {
          localUrl: urls.doors(),
          signedOrigin: process.env.PUBLIC_ORIGIN?.replace(/\/$/, '') ?? urls.doors(),
          authToken: localTwilioAuthToken(config.dataDir),
        };
        return answer(await tryThroughMessagingDoor(app, access, body));
      },
    ],
    [
      'POST',
      '/api/try/email',
      async (req) => {
        const body = parseTryBody(tryEmailBody, await req.json());
        const port = Number(process.env.SMTP_PORT ?? LOCAL_EMAIL.port);
        // With SMTP_PORT=0 the door listens on a port only its banner knows.
        if (!hasEmailDoor || port === 0)
          return answer(
            await tryThroughJsonDoor(
              app,
              { channel: 'email', ...body },
              hasEmailDoor ? 'the SMTP door’s port is random (SMTP_PORT=0)' : undefined,
            ),
          );
        const access = {
          host: config.host,
          port,
          to: readEmailSettings(process.env, LOCAL_EMAIL.from).ourAddress,
        };
        return answer(await tryThroughSmtpDoor(app, access, body));
      },
    ],
    [
      'POST',
      '/api/try/telegram',
      async (req) => {
        const body = parseTryBody(tryTelegramBody, await req.json());
        if (!hasTelegramDoor)
          return answer(
            await tryThroughJsonDoor(app, {
              channel: 'telegram',
              from: `telegram:${body.userId}`,
              text: body.text ?? '',
            }),
          );
        const access = { localUrl: urls.doors(), secret: localTelegramWebhookSecret(config.dataDir) };
        return answer(await tryThroughTelegramDoor(app, access, body));
      },
    ],
    [
      'POST',
      '/api/try/call',
      async (req) => {
        const body = parseTryBody(tryCallBody, await req.json());
        if (hasVoiceDoor)
          return answer(
            await tryThroughVoiceDoor(app, urls.operator(), readPhoneLines(config.policyFile), body),
          );
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
