// The messaging Lambda's wiring over dynalite: the door answers inline in its TwiML, and whatever it
// sends otherwise goes through the Messengers it is wired with (the seam for the Twilio REST messenger).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Messenger, OutboundMessage } from '../../functions/domain/outbound/messenger';
import { wireTwilioMessaging } from '../../functions/wiring/twilio-messaging';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { lambdaEnv } from '../support/lambda-env';

let db: Dynalite;
let env: Record<string, string>;
const saved = { ...process.env };
let counter = 0;

/** An agent's SMS reply on a case, as the agent API would hand it to deliver. */
function anSmsReply(): OutboundMessage {
  counter++;
  return {
    id: `CR-WIRE${counter}:reply`,
    kind: 'agent_reply',
    caseNumber: `CR-WIRE${counter}`,
    channel: 'sms',
    to: '+447700900123',
    language: 'en',
    text: 'Your transfer is booked for 14:00.',
    automatic: false,
    agentId: 'agent-7',
    createdAt: new Date().toISOString(),
  };
}

beforeAll(async () => {
  db = await startDynalite();
  env = lambdaEnv(db);
  // The SDK clients the wiring builds read their endpoint and credentials from the process.
  Object.assign(process.env, env);
});
afterAll(async () => {
  process.env = saved;
  await db.stop();
});

describe('the twilio-messaging wiring', () => {
  it('refuses, with its reason, an SMS no Messenger is wired to send', async () => {
    // Prepare
    const { deliver } = wireTwilioMessaging(env);
    // Act
    const outcome = await deliver(anSmsReply());
    // Assess
    expect(outcome).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('no messenger sends sms'),
    });
  });

  it('sends through the Messenger it is given for the channel, once per message id', async () => {
    // Prepare
    const sent: OutboundMessage[] = [];
    const sms: Messenger = {
      send: async (message) => {
        sent.push(message);
        return { providerMessageId: `SM${sent.length}`, status: 'sent' };
      },
    };
    const { deliver } = wireTwilioMessaging(env, { sms });
    const reply = anSmsReply();
    // Act
    const first = await deliver(reply);
    const again = await deliver(reply);
    // Assess
    expect(first).toMatchObject({ status: 'sent', providerMessageId: 'SM1' });
    expect(again.status).toBe('sent');
    expect(sent.map((m) => m.id)).toEqual([reply.id]);
  });
});
