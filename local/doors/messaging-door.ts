import { parseForm } from '../../functions/handlers/http/form';
import { answerTwilioMessage } from '../../functions/handlers/messaging/answer-message';
import { describeTwilioAuthToken, localTwilioAuthToken } from '../twilio-token';
import type { LocalDoor } from './door';

/** Path of the local messaging webhook (the same path as in AWS). */
export const MESSAGING_PATH = '/twilio/messaging';

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// Twilio (and our CLI) sign the URL they called, so the Host they used is the one to check against.
function hostOrigin(host: string | undefined): string | undefined {
  return host ? `http://${host}` : undefined;
}

/**
 * Twilio SMS and WhatsApp, served locally at POST /twilio/messaging on the doors port with real signature
 * checks. The signed URL is PUBLIC_ORIGIN (a tunnel's https address) + path when set, else http://Host + path.
 */
export const messagingDoor: LocalDoor = {
  name: 'twilio-messaging',
  publicRoutes(app, config, doorsUrl) {
    const token = localTwilioAuthToken(config.dataDir);
    const origin = process.env.PUBLIC_ORIGIN?.replace(/\/$/, '');
    return [
      [
        'POST',
        MESSAGING_PATH,
        async (req) => {
          const answer = await answerTwilioMessage(
            {
              intake: app.intake,
              deliver: app.outbound.deliver,
              guests: app.outbound.guests,
              authToken: async () => token,
            },
            {
              url: `${origin ?? hostOrigin(req.headers.host) ?? doorsUrl()}${req.rawUrl}`,
              params: parseForm(await req.text()),
              signature: headerOf(req.headers['x-twilio-signature']),
            },
          );
          return {
            status: answer.status,
            body: answer.body,
            headers: { 'content-type': answer.contentType },
          };
        },
      ],
    ];
  },
  async start(_app, config) {
    return {
      banner: [
        `sms/whatsapp POST ${MESSAGING_PATH} on the doors port  (Twilio auth token ${describeTwilioAuthToken(config.dataDir)}; npm run sms -- --from +33612345678 --body "…")`,
      ],
      close: async () => {},
    };
  },
};
