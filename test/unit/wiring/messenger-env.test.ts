import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../functions/wiring/env-vars';
import { messengerEnvironment, readMessengerSettings } from '../../../functions/wiring/messenger-env';
import { readSurveyLinkSettings, surveyLinksEnvironment } from '../../../functions/wiring/survey-env';
import { MESSENGERS, SENDING, SURVEY_LINKS } from '../../support/aws-messengers';

describe('the messengers’ environment contract', () => {
  it('reads back what the CDK app writes: Twilio senders, callback, templates, SES sender and key', () => {
    // Act
    const settings = readMessengerSettings(messengerEnvironment(MESSENGERS));

    // Assess
    expect(settings.twilio).toMatchObject({
      accountSid: SENDING.accountSid,
      authTokenSecret: MESSENGERS.twilio?.authTokenSecret,
      smsFrom: SENDING.smsFrom,
      whatsAppFrom: SENDING.whatsAppFrom,
      statusCallbackUrl: SENDING.statusCallbackUrl,
    });
    expect(settings.whatsAppTemplates).toEqual(MESSENGERS.twilio?.whatsAppTemplates);
    expect(settings.email).toMatchObject({
      fromAddress: SENDING.emailFrom,
      replySigningSecret: SENDING.replyKeySecret,
    });
    expect(settings.perHour).toEqual({ messaging: 5, email: 5 });
  });

  it('configures no channel when the deployment names neither a Twilio account nor a sender address', () => {
    expect(readMessengerSettings(messengerEnvironment({}))).toMatchObject({
      twilio: undefined,
      email: undefined,
    });
  });

  it('fails the cold start naming the variable that is missing or malformed', () => {
    // Prepare
    const env = messengerEnvironment(MESSENGERS);
    const { TWILIO_AUTH_TOKEN_SECRET: _secret, ...noSecret } = env;
    const { REPLY_SIGNING_SECRET: _key, ...noKey } = env;

    // Act / Assess
    expect(() => readMessengerSettings(noSecret)).toThrow(/TWILIO_AUTH_TOKEN_SECRET is not set/);
    expect(() => readMessengerSettings(noKey)).toThrow(/REPLY_SIGNING_SECRET is not set/);
    expect(() => readMessengerSettings({ ...env, TWILIO_SMS_FROM: '0757000000' })).toThrow(
      /TWILIO_SMS_FROM: expected an E\.164/,
    );
    expect(() => readMessengerSettings({ ...env, EMAIL_FROM: 'help' })).toThrow(ConfigurationError);
  });

  it('refuses survey links without a signing key, and reads back a page with one', () => {
    expect(readSurveyLinkSettings(surveyLinksEnvironment(SURVEY_LINKS))).toEqual(SURVEY_LINKS);
    expect(() => readSurveyLinkSettings({ SURVEY_PAGE_URL: SENDING.surveyPageUrl })).toThrow(
      /SURVEY_SIGNING_SECRET is not: links must be signed/,
    );
  });
});
