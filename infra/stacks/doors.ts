import { CfnOutput, Duration, Lazy, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { caseTaskSweepEnvironment } from '../../functions/wiring/case-task-sweep-env';
import { connectIvrEnvironment } from '../../functions/wiring/connect-ivr-env';
import { emailInboundEnvironment } from '../../functions/wiring/email-inbound-env';
import { eraseGuestEnvironment } from '../../functions/wiring/erase-guest-env';
import { handoffRetryEnvironment } from '../../functions/wiring/handoff-retry-env';
import { type ContactCenterInput, contactCenterEnvironment } from '../../functions/wiring/shared-env';
import { twilioMessagingEnvironment } from '../../functions/wiring/twilio-messaging-env';
import { twilioStatusEnvironment } from '../../functions/wiring/twilio-status-env';
import { twilioTaskRouterEnvironment } from '../../functions/wiring/twilio-taskrouter-env';
import { twilioVoiceEnvironment } from '../../functions/wiring/twilio-voice-env';
import type { DeployConfig } from '../config/deploy-config';
import { CaseTaskEvents } from '../constructs/case-task-events';
import type { ContactCenter } from '../constructs/contact-center';
import { EmailIntake, QUARANTINE_PREFIX, RAW_MAIL_PREFIX } from '../constructs/email-intake';
import { grantErasure } from '../constructs/erasure-grants';
import type { HandlerKey } from '../constructs/handler-entries';
import type { HandlerFunctionProps } from '../constructs/handler-function';
import { HandoffSchedule } from '../constructs/handoff-schedule';
import { type ConnectAction, grantConnect, grantTable } from '../constructs/intake-grants';
import { IvrIntegration } from '../constructs/ivr-integration';
import { RetentionSchedule } from '../constructs/retention-schedule';
import type { TelegramWebhook } from '../constructs/telegram-webhook';
import { TwilioWebhookApi } from '../constructs/twilio-webhook-api';
import { telegramDoorLambda, telegramWebhookRoute } from './telegram-door';

/** Creates a door's Lambda (undefined when its handler does not exist yet). */
export type MakeLambda = (
  key: HandlerKey,
  props: Pick<HandlerFunctionProps, 'description' | 'timeout' | 'environment' | 'memorySize'>,
) => NodejsFunction | undefined;

/** What wiring the doors needs from the stack. */
export interface DoorsInput {
  readonly config: DeployConfig;
  readonly table: TableV2;
  /** The PIN pepper: every door that verifies PINs reads it. */
  readonly pinPepper: ISecret;
  readonly center: ContactCenter;
  readonly taskFlowId: string;
  readonly lambda: MakeLambda;
  readonly limits: { readonly ivr: Duration; readonly twilio: Duration };
  /** E.164 numbers of the Connect loyalty lines (tokens for claimed numbers). */
  readonly loyaltyLines: readonly string[];
}

/** The doors' Lambdas (those whose handler exists) and the infrastructure in front of them. */
export interface DoorFunctions {
  readonly twilioMessaging?: IFunction;
  readonly twilioVoice?: IFunction;
  readonly connectIvr?: IFunction;
  readonly emailInbound?: IFunction;
  readonly handoffRetry?: IFunction;
  /** Gets the messengers' settings and grants later (stacks/guest-messages.ts). */
  readonly connectEvents?: NodejsFunction;
  readonly caseTaskSweep?: NodejsFunction;
  readonly caseTasks?: CaseTaskEvents;
  readonly twilioTaskRouter?: IFunction;
  /** The operator's erasure Lambda (invoked by hand). */
  readonly eraseGuest?: IFunction;
  /** Twilio's signed delivery status callbacks. */
  readonly twilioStatus?: IFunction;
  /** Telegram's webhook (only with `telegram` in the deploy config). */
  readonly telegramWebhook?: IFunction;
  readonly telegram?: TelegramWebhook;
  readonly api?: TwilioWebhookApi;
  readonly email?: EmailIntake;
  readonly schedule?: HandoffSchedule;
  readonly ivr?: IvrIntegration;
}

/** Creates each door's Lambda with its environment and grants, and what calls it. */
export function wireDoors(scope: Construct, input: DoorsInput): DoorFunctions {
  const { config: c, table, limits } = input;
  // Every Lambda's environment comes from its contract (functions/wiring/<lambda>-env.ts), the same
  // one its handler reads at cold start.
  const contactCenter: ContactCenterInput = {
    tableName: table.tableName,
    connect: {
      instanceId: c.connectInstanceId,
      taskFlowId: input.taskFlowId,
      queuesJson: Stack.of(scope).toJsonString(input.center.queueRefs()),
    },
  };
  // The doors that check PINs read the pepper; the hand-off retry never sees a PIN.
  const intakeInput = { ...contactCenter, pinPepperSecret: input.pinPepper.secretArn };
  const webhook = { authTokenSecret: c.twilio.authTokenSecretName, publicOrigin: c.twilio.publicOrigin };
  // The email door's secret exists once the door does (below); the Lambda is created first.
  let email: EmailIntake | undefined;
  const replySigningSecret = Lazy.string({ produce: () => email?.replySigningSecret.secretArn });
  // Leave the handler a second to answer before its caller gives up.
  const before = (limit: Duration) => Duration.seconds(limit.toSeconds() - 1);

  const twilioMessaging = input.lambda('twilioMessaging', {
    description: 'Twilio SMS/WhatsApp webhook',
    timeout: before(limits.twilio),
    environment: twilioMessagingEnvironment({ ...intakeInput, webhook }),
  });
  const twilioVoice = input.lambda('twilioVoice', {
    description: 'Twilio Voice webhook (TwiML)',
    timeout: before(limits.twilio),
    environment: twilioVoiceEnvironment({
      ...intakeInput,
      webhook,
      workflowSid: c.twilio.workflowSid,
      loyaltyLinesJson: JSON.stringify(c.twilio.loyaltyNumbers),
    }),
  });
  const connectIvr = input.lambda('connectIvr', {
    description: 'Amazon Connect IVR Lambda (invoked by the inbound flow)',
    timeout: before(limits.ivr),
    environment: connectIvrEnvironment({
      ...intakeInput,
      loyaltyLinesJson: Stack.of(scope).toJsonString(input.loyaltyLines),
    }),
  });
  const emailTimeout = Duration.seconds(60);
  const emailInbound = input.lambda('emailInbound', {
    description: 'SES inbound email (SQS batch of S3 notifications)',
    timeout: emailTimeout,
    environment: emailInboundEnvironment({
      ...intakeInput,
      from: c.email.fromAddress,
      ownAddresses: c.email.addresses,
      ownDomains: [c.email.domain],
      quarantinePrefix: QUARANTINE_PREFIX,
      replySigningSecret,
    }),
  });
  const handoffRetry = input.lambda('handoffRetry', {
    description: 'Retries failed hand-offs to Amazon Connect (every minute)',
    timeout: Duration.seconds(50),
    environment: handoffRetryEnvironment(contactCenter),
  });
  const connectEvents = input.lambda('connectEvents', {
    description: 'Amazon Connect contact events: moves the cases their tasks carry',
    timeout: Duration.seconds(30),
    environment: contactCenterEnvironment(contactCenter),
  });
  const caseTaskSweep = input.lambda('caseTaskSweep', {
    description: 'Reconciles Connect tasks (DescribeContact) and escalates waiting ones (every minute)',
    timeout: Duration.seconds(50),
    environment: caseTaskSweepEnvironment(contactCenter),
  });
  const twilioTaskRouter = input.lambda('twilioTaskRouter', {
    description: 'Twilio TaskRouter event callbacks: moves the cases of voice calls',
    timeout: before(limits.twilio),
    environment: twilioTaskRouterEnvironment({ ...contactCenter, webhook }),
  });
  // Twilio's message status callbacks (the StatusCallback of every SMS/WhatsApp we send): it records
  // delivery in the table, and needs no Connect action and no PIN.
  const twilioStatus = input.lambda('twilioStatus', {
    description: 'Twilio message status callbacks: delivery of the SMS/WhatsApp messages sent',
    timeout: before(limits.twilio),
    environment: twilioStatusEnvironment({ tableName: table.tableName, webhook }),
  });
  if (twilioStatus) grantTable(twilioStatus, table);
  for (const fn of [twilioMessaging, twilioVoice, connectIvr, emailInbound])
    if (fn) input.pinPepper.grantRead(fn);
  // Each door gets the Connect actions its handler's TSDoc lists, no more.
  // A follow-up on a case whose task waits updates that task (UpdateContactAttributes).
  const handOff: ConnectAction[] = [
    'StartTaskContact',
    'UpdateContactRoutingData',
    'UpdateContactAttributes',
  ];
  const intake: ConnectAction[] = [...handOff, 'GetCurrentMetricData'];
  const telegramWebhook = telegramDoorLambda({ ...input, intake: intakeInput, connectActions: intake });
  // Settling a case withdraws its waiting task (StopContact); caseOutcome is a contact attribute; a
  // task that ended unanswered is started again like the one before (DescribeContact, StartTaskContact,
  // its priority by UpdateContactRoutingData).
  const caseMoves: ConnectAction[] = [
    'GetContactAttributes',
    'StopContact',
    'DescribeContact',
    'StartTaskContact',
    'UpdateContactRoutingData',
  ];
  const connectActions: [IFunction | undefined, ConnectAction[]][] = [
    [twilioMessaging, intake],
    // A caller who takes the callback leaves the queue: the case gets (or updates) its waiting task.
    [twilioVoice, intake],
    [connectIvr, ['GetCurrentMetricData']],
    [emailInbound, intake],
    [handoffRetry, handOff],
    [connectEvents, caseMoves],
    [twilioTaskRouter, ['StopContact']],
    [caseTaskSweep, caseMoves],
  ];
  for (const [fn, actions] of connectActions)
    if (fn) {
      grantTable(fn, table);
      grantConnect(fn, c.connect.instanceArn, actions);
    }

  let api: TwilioWebhookApi | undefined;
  if (twilioMessaging || twilioVoice || twilioTaskRouter || twilioStatus || telegramWebhook) {
    api = new TwilioWebhookApi(scope, 'TwilioWebhooks', {
      authTokenSecretName: c.twilio.authTokenSecretName,
      logRetention: c.logRetentionDays as RetentionDays,
      production: c.production,
    });
    if (twilioMessaging) api.route('/twilio/messaging', twilioMessaging);
    // One URL for the whole call: the IVR's action and wait URLs add ?step=… to it.
    if (twilioVoice) api.route('/twilio/voice', twilioVoice);
    // The Workspace's EventCallbackUrl (docs/deploy.md).
    if (twilioTaskRouter) api.route('/twilio/taskrouter', twilioTaskRouter);
    // The StatusCallback URL the Twilio messenger names on every message it sends.
    if (twilioStatus) api.route('/twilio/status', twilioStatus);
  }
  const telegram = telegramWebhookRoute(scope, c, api, telegramWebhook);
  const ivr = connectIvr
    ? new IvrIntegration(scope, 'IvrIntegration', { instanceArn: c.connect.instanceArn, fn: connectIvr })
    : undefined;
  if (emailInbound) {
    email = new EmailIntake(scope, 'Email', {
      ...c.email,
      production: c.production,
      consumerTimeout: emailTimeout,
    });
    email.connect(emailInbound, c.email.domain);
  }
  const schedule = handoffRetry
    ? new HandoffSchedule(scope, 'HandoffRetry', { fn: handoffRetry })
    : undefined;
  const caseTasks =
    connectEvents || caseTaskSweep
      ? new CaseTaskEvents(scope, 'CaseTasks', {
          instanceArn: c.connect.instanceArn,
          events: connectEvents,
          sweep: caseTaskSweep,
        })
      : undefined;
  if (caseTaskSweep && caseTasks)
    new RetentionSchedule(scope, 'Retention', {
      sweep: caseTaskSweep,
      deadLetterQueue: caseTasks.deadLetterQueue,
    });
  const eraseGuest = input.lambda('eraseGuest', {
    description: 'Operator: erases one guest’s personal data (GDPR), invoked by hand',
    timeout: Duration.minutes(5),
    environment: eraseGuestEnvironment({
      ...contactCenter,
      rawMail: email ? { bucket: email.bucket.bucketName, quarantinePrefix: QUARANTINE_PREFIX } : undefined,
    }),
  });
  if (eraseGuest) {
    grantErasure(eraseGuest, {
      table,
      rawMail: email ? { bucket: email.bucket, prefixes: [RAW_MAIL_PREFIX, QUARANTINE_PREFIX] } : undefined,
      instanceArn: c.connect.instanceArn,
    });
    new CfnOutput(scope, 'EraseGuestFunctionName', {
      description:
        'aws lambda invoke --function-name <this> --cli-binary-format raw-in-base64-out --payload \'{"phone":"+44…"}\' out.json',
      value: eraseGuest.functionName,
    });
  }
  return {
    twilioMessaging,
    twilioVoice,
    connectIvr,
    emailInbound,
    handoffRetry,
    connectEvents,
    eraseGuest,
    caseTaskSweep,
    caseTasks,
    twilioTaskRouter,
    twilioStatus,
    telegramWebhook,
    telegram,
    api,
    email,
    schedule,
    ivr,
  };
}
