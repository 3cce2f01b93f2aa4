// What a Lambda that writes to guests sees in the handler tests: the environment the CDK app writes
// (agentApiEnvironment / connectEventsEnvironment over messengerEnvironment), Twilio's REST API played
// by a local HTTP stand-in, SES mocked at the SDK (it cannot run here), secrets in mocked Secrets Manager.

import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import type { MessengerEnvironmentInput } from '../../functions/wiring/messenger-env';
import { PEPPER_SECRET, secretsMock, TEST_PEPPER, TWILIO_SECRET } from './lambda-env';

/** Our Twilio account, senders and the secrets' ids. */
export const SENDING = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  token: 'twilio-auth-token-from-secrets-manager',
  smsFrom: '+33757000000',
  whatsAppFrom: '+14155238886',
  statusCallbackUrl: 'https://hooks.example.com/twilio/status',
  emailFrom: 'help@support.example.com',
  replyKeySecret: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:reply-key-AbCdEf',
  surveyKeySecret: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:survey-key-AbCdEf',
  surveyPageUrl: 'https://hooks.example.com',
} as const;

/** The messengers as the stack configures them (stacks/guest-messages.ts). */
export const MESSENGERS: MessengerEnvironmentInput = {
  twilio: {
    accountSid: SENDING.accountSid,
    authTokenSecret: TWILIO_SECRET,
    smsFrom: SENDING.smsFrom,
    whatsAppFrom: SENDING.whatsAppFrom,
    statusCallbackUrl: SENDING.statusCallbackUrl,
    whatsAppTemplates: { survey: { fr: 'HX0123456789abcdef0123456789abcdef' } },
  },
  email: { fromAddress: SENDING.emailFrom, replySigningSecret: SENDING.replyKeySecret },
};

/** The survey links as the stack configures them. */
export const SURVEY_LINKS = { pageUrl: SENDING.surveyPageUrl, signingSecret: SENDING.surveyKeySecret };

/** The mocked SES client of a test file. */
export const sesMock = mockClient(SESClient);

/** Healthy secrets and SES: every secret holds its value, SES takes every mail. */
export function healthySending(): void {
  secretsMock.reset();
  sesMock.reset();
  const secret = (id: string, value: string) =>
    secretsMock.on(GetSecretValueCommand, { SecretId: id }).resolves({ SecretString: value });
  secret(TWILIO_SECRET, SENDING.token);
  secret(PEPPER_SECRET, TEST_PEPPER);
  secret(SENDING.replyKeySecret, 'reply-signing-key-0123456789abcdef');
  secret(SENDING.surveyKeySecret, 'survey-signing-key-0123456789abcdef');
  let n = 0;
  sesMock.on(SendRawEmailCommand).callsFake(async () => ({ MessageId: `0100018c-ses-${++n}` }));
}

/** The mails SES was asked to send, parsed as the guest's mail client would. */
export async function mailsSent() {
  return Promise.all(
    sesMock.commandCalls(SendRawEmailCommand).map(async (call) => {
      const parsed = await simpleParser(Buffer.from(call.args[0].input.RawMessage?.Data ?? new Uint8Array()));
      return { destinations: call.args[0].input.Destinations, mail: parsed };
    }),
  );
}
