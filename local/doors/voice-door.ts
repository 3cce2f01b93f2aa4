import type { ConnectContactFlowEvent } from 'aws-lambda';
import { ValidationError } from '../../functions/domain/errors';
import { type IvrNext, keysForSpeech } from '../../functions/domain/ivr';
import { toLanguage } from '../../functions/domain/languages';
import { isQueueOpen } from '../../functions/domain/routing/hours';
import { parseForm } from '../../functions/handlers/http/form';
import { answerConnectEvent } from '../../functions/handlers/voice/connect-answer';
import { answerTwilioCall } from '../../functions/handlers/voice/twilio-answer';
import { localTwilioAuthToken } from '../twilio-token';
import type { LocalDoor } from './door';
import { localIvrDeps, readPhoneLines } from './voice/local-ivr';

// Any TaskRouter workflow SID works locally: the call waits in the local queues, not in Twilio.
const LOCAL_WORKFLOW_SID = 'WW00000000000000000000000000000000';

function objectBody(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ValidationError('body', `expected ${what} as a JSON object`);
  return value as Record<string, unknown>;
}

/**
 * The voice doors of the local runtime. Twilio Voice (`POST /twilio/voice` on the doors port, signatures
 * checked with the local auth token), and on the operator port the Connect IVR Lambda with the hours and
 * staffing the flow checks, for the flow simulator behind `npm run call`. Calls end in the local queues
 * (GET /api/queues).
 */
export const voiceDoor: LocalDoor = {
  name: 'voice',
  publicRoutes(app, config, doorsUrl) {
    const lines = readPhoneLines(config.policyFile);
    const origin = process.env.PUBLIC_ORIGIN?.replace(/\/$/, '') || undefined;
    const twilio = {
      ivr: localIvrDeps(app.intake, app.queues, lines, 'twilio', app.outbound.deliver),
      authToken: async () => localTwilioAuthToken(config.dataDir),
      workflowSid: process.env.TWILIO_WORKFLOW_SID || LOCAL_WORKFLOW_SID,
    };
    return [
      [
        'POST',
        '/twilio/voice',
        async (req) => {
          const query = req.query.toString();
          const answer = await answerTwilioCall(twilio, {
            // Signed over the URL Twilio called: the tunnel's origin when there is one, as for messaging.
            url: `${origin ?? doorsUrl()}${req.path}${query ? `?${query}` : ''}`,
            params: parseForm(await req.text()),
            signature:
              typeof req.headers['x-twilio-signature'] === 'string'
                ? req.headers['x-twilio-signature']
                : undefined,
          });
          return {
            status: answer.status,
            body: answer.body,
            headers: { 'content-type': answer.contentType },
          };
        },
      ],
    ];
  },
  operatorRoutes(app, config) {
    const connect = localIvrDeps(
      app.intake,
      app.queues,
      readPhoneLines(config.policyFile),
      'connect',
      app.outbound.deliver,
    );
    return [
      [
        'POST',
        '/connect/ivr',
        async (req) => {
          const event = objectBody(
            await req.json(),
            'a ConnectContactFlowEvent',
          ) as unknown as ConnectContactFlowEvent;
          if (!event.Details?.ContactData) throw new ValidationError('Details.ContactData', 'required');
          return { status: 200, body: await answerConnectEvent(connect, event) };
        },
      ],
      [
        'GET',
        '/connect/queues/:queue/state',
        async (req) => {
          const queue = req.params.queue ?? '';
          if (!(queue in app.policy.queues)) throw new ValidationError('queue', `unknown queue ${queue}`);
          const staffing = await app.queues.staffing();
          const hours = isQueueOpen(app.policy, queue, app.clock.now());
          return {
            status: 200,
            body: {
              queue,
              open: hours.open,
              reason: hours.reason,
              agentsStaffed: staffing[queue] ?? 1,
              now: app.clock.now(),
            },
          };
        },
      ],
      [
        'POST',
        '/connect/understand',
        async (req) => {
          const body = objectBody(await req.json(), '{next, text, language}');
          const keys = keysForSpeech(
            String(body.next ?? '') as IvrNext,
            String(body.text ?? ''),
            app.intake.classifier,
            toLanguage(String(body.language ?? '')) ?? 'en',
          );
          return { status: 200, body: { keys: keys ?? null } };
        },
      ],
    ];
  },
  async start() {
    return {
      banner: [
        'voice        POST /twilio/voice on the doors port (Twilio Voice, signed with the same token as messaging)',
        '             npm run call -- --to +33199001100 --from +33612345678  (the Connect IVR in the terminal)',
      ],
      close: async () => {},
    };
  },
};
