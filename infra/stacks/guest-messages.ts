import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { connectEventsEnvironment } from '../../functions/wiring/connect-events-env';
import { guestOutboundEnvironment } from '../../functions/wiring/guest-outbound-env';
import type { MessengerEnvironmentInput } from '../../functions/wiring/messenger-env';
import type { SurveyLinkSettings } from '../../functions/wiring/survey-env';
import { surveyPageEnvironment } from '../../functions/wiring/survey-page-env';
import type { DeployConfig } from '../config/deploy-config';
import type { ContactCenter } from '../constructs/contact-center';
import type { HandlerFunctionProps } from '../constructs/handler-function';
import { grantConnect, grantTable } from '../constructs/intake-grants';
import { acknowledge } from '../nag/acknowledge';
import type { DoorFunctions } from './doors';

/** What wiring the guests' messages needs from the stack. */
export interface GuestMessagesInput {
  readonly config: DeployConfig;
  readonly table: TableV2;
  readonly center: ContactCenter;
  readonly taskFlowId: string;
  readonly doors: DoorFunctions;
  readonly lambda: (
    key: 'surveyPage',
    props: Pick<HandlerFunctionProps, 'description' | 'timeout' | 'environment'>,
  ) => NodejsFunction | undefined;
}

/** How Lambdas reach guests: the messengers' and survey links' settings, and the grants they need. */
export interface GuestMessages {
  readonly messengers: MessengerEnvironmentInput;
  readonly surveyLinks: SurveyLinkSettings;
  readonly surveyPage?: IFunction | undefined;
  /** Lets a Lambda send through Twilio and SES and sign survey links: exactly those grants. */
  grant(fn: IFunction): void;
}

/**
 * The outbound side in AWS: Twilio's Messages API for SMS/WhatsApp when the deployment names an
 * account (status callbacks to the webhook API's POST /twilio/status), SES from the email domain's
 * identity, the survey signing key and the public survey page (GET/POST /survey/{token} on the webhook
 * API). The connect-events Lambda gets them here (a case its task's end resolves gets the survey).
 */
export function wireGuestMessages(scope: Construct, input: GuestMessagesInput): GuestMessages {
  const { config: c, doors } = input;
  const publicBase = c.twilio.publicOrigin?.replace(/\/$/, '') ?? doors.api?.api.apiEndpoint;
  const surveyKey = new Secret(scope, 'SurveySigningKey', {
    description: 'HMAC key of the one-click links in satisfaction survey emails',
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
    removalPolicy: c.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  acknowledge(surveyKey, {
    id: 'AwsSolutions-SMG4',
    reason:
      'rotating this key would void the survey links in mail already sent (they stay valid for the answer window); it never leaves AWS and only the Lambdas that send or check surveys may read it',
  });
  const queuesJson = Stack.of(scope).toJsonString(input.center.queueRefs());
  const connect = { instanceId: c.connectInstanceId, taskFlowId: input.taskFlowId, queuesJson };
  const surveyPage = input.lambda('surveyPage', {
    description: 'Satisfaction survey page of the one-click links in survey emails',
    timeout: Duration.seconds(10),
    environment: surveyPageEnvironment({
      tableName: input.table.tableName,
      connect,
      surveyLinks: { signingSecret: surveyKey.secretArn },
    }),
  });
  if (surveyPage) {
    grantTable(surveyPage, input.table);
    // A score of 1–2 reopens the case: a new task in its queue (a hand-off).
    grantConnect(surveyPage, c.connect.instanceArn, [
      'StartTaskContact',
      'UpdateContactRoutingData',
      'UpdateContactAttributes',
    ]);
    surveyKey.grantRead(surveyPage);
    doors.api?.publicRoute(
      '/survey/{token}',
      surveyPage,
      [HttpMethod.GET, HttpMethod.POST],
      'a guest’s browser opens the survey link from a mail and holds no credentials; the HMAC-signed token in the path names the one survey it may answer, any other token gets the 404 page',
    );
  }
  const surveyLinks: SurveyLinkSettings = {
    pageUrl: surveyPage && doors.api ? publicBase : undefined,
    signingSecret: surveyKey.secretArn,
  };
  // Twilio posts delivery to the StatusCallback only over the public internet, to a fully qualified
  // URL (error 21609, "Invalid 'StatusCallback'"); none without the status route: no callback is asked.
  const messengers: MessengerEnvironmentInput = {
    twilio: c.twilio.accountSid
      ? {
          accountSid: c.twilio.accountSid,
          authTokenSecret: c.twilio.authTokenSecretName,
          smsFrom: c.twilio.smsFrom,
          whatsAppFrom: c.twilio.whatsAppFrom,
          whatsAppTemplates: c.twilio.whatsAppTemplates,
          statusCallbackUrl: doors.twilioStatus && publicBase ? `${publicBase}/twilio/status` : undefined,
        }
      : undefined,
    email: doors.email
      ? { fromAddress: c.email.fromAddress, replySigningSecret: doors.email.replySigningSecret.secretArn }
      : undefined,
    // Agents answer Telegram guests, and surveys reach them, through the bot of the Telegram door.
    telegram: c.telegram && doors.telegram ? { botTokenSecret: c.telegram.botTokenSecretName } : undefined,
  };
  let twilioToken: ISecret | undefined;
  const grant = (fn: IFunction) => {
    if (messengers.twilio) {
      twilioToken ??= Secret.fromSecretNameV2(scope, 'MessengerTwilioToken', c.twilio.authTokenSecretName);
      twilioToken.grantRead(fn);
    }
    if (doors.email) {
      doors.email.grantSend(fn, c.email.domain);
      doors.email.replySigningSecret.grantRead(fn);
    }
    doors.telegram?.botToken.grantRead(fn);
    surveyKey.grantRead(fn);
  };
  // The sweep offers the survey of a case it resolved and sends failed replies and surveys again.
  const sweep = doors.caseTaskSweep;
  if (sweep) {
    const environment = guestOutboundEnvironment({ messengers, surveyLinks });
    for (const [name, value] of Object.entries(environment)) sweep.addEnvironment(name, value);
    grant(sweep);
  }
  const events = doors.connectEvents;
  if (events) {
    const environment = connectEventsEnvironment({
      tableName: input.table.tableName,
      connect,
      messengers,
      surveyLinks,
    });
    for (const [name, value] of Object.entries(environment)) events.addEnvironment(name, value);
    grant(events);
  }
  return { messengers, surveyLinks, surveyPage, grant };
}
