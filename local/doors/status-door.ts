import { TwilioMessenger } from '../../functions/adapters/twilio/twilio-messenger';
import type { DeliveryReports } from '../../functions/domain/outbound/messenger';
import { answerTwilioStatus, type StatusLogEntry } from '../../functions/handlers/messaging/answer-status';
import type { LocalApp } from '../app';
import { localTwilioAuthToken } from '../twilio-token';
import type { LocalDoor } from './door';
import { twilioSignedRequest } from './twilio-request';

/** Path of the status callback door (the same path as in AWS): the StatusCallback of every message sent. */
export const STATUS_PATH = '/twilio/status';

/**
 * Twilio's message status callbacks, served at POST /twilio/status on the doors port with the same
 * signature checks as the messaging door; each report goes to the DeliveryReports that `reportsOf` gives
 * for the app (the outbound ledger).
 */
export function statusDoor(
  reportsOf: (app: LocalApp) => DeliveryReports,
  log: (entry: StatusLogEntry) => void = () => {},
): LocalDoor {
  return {
    name: 'twilio-status',
    publicRoutes(app, config, doorsUrl) {
      const token = localTwilioAuthToken(config.dataDir);
      const deps = { reports: reportsOf(app), authToken: async () => token, clock: app.clock, log };
      return [
        [
          'POST',
          STATUS_PATH,
          async (req) => {
            const answer = await answerTwilioStatus(deps, await twilioSignedRequest(req, doorsUrl));
            return {
              status: answer.status,
              body: answer.body,
              headers: { 'content-type': answer.contentType },
            };
          },
        ],
      ];
    },
    async start(app) {
      const twilio = app.messengers.sms instanceof TwilioMessenger;
      return {
        banner: [
          `delivery     POST ${STATUS_PATH} on the doors port  (Twilio status callbacks; SMS/WhatsApp ${twilio ? 'sent through Twilio’s Messages API' : 'kept in the outbox: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN to send'})`,
        ],
        close: async () => {},
      };
    },
  };
}
