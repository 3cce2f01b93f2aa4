import { CfnOutput, type Duration } from 'aws-cdk-lib';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { RoutingPolicy } from '../../functions/domain/routing/policy-schema';
import type { DeployConfig } from '../config/deploy-config';
import type { ContactCenter } from '../constructs/contact-center';
import type { ContactFlows } from '../constructs/contact-flows';
import { Observability, type WatchedFunction } from '../constructs/observability';
import type { DoorFunctions } from './doors';

/** What the dashboard and alarms watch. */
export interface ObserveInput {
  readonly config: DeployConfig;
  readonly policy: RoutingPolicy;
  readonly center: ContactCenter;
  readonly flows: ContactFlows;
  readonly fns: DoorFunctions;
  readonly limits: { readonly ivr: Duration; readonly twilio: Duration };
  /** The booking-updates Lambda and its dead-letter queue, when deployed. */
  readonly bookingUpdates?:
    | { readonly fn: WatchedFunction['fn']; readonly deadLetterQueue: IQueue }
    | undefined;
}

/** Puts every deployed Lambda and DLQ on the dashboard and under alarms; outputs the webhook URLs. */
export function observe(scope: Construct, input: ObserveInput): Observability {
  const { fns, limits, config: c } = input;
  const watched: WatchedFunction[] = [];
  const watch = (name: string, fn: WatchedFunction['fn'] | undefined, limit?: Duration) => {
    if (fn) watched.push({ name, fn, limit });
  };
  watch('TwilioMessaging', fns.twilioMessaging, limits.twilio);
  watch('TwilioVoice', fns.twilioVoice, limits.twilio);
  watch('ConnectIvr', fns.connectIvr, limits.ivr);
  watch('EmailInbound', fns.emailInbound);
  watch('HandoffRetry', fns.handoffRetry);
  watch('ConnectEvents', fns.connectEvents);
  watch('CaseTaskSweep', fns.caseTaskSweep);
  watch('TwilioTaskRouter', fns.twilioTaskRouter, limits.twilio);
  watch('TwilioStatus', fns.twilioStatus, limits.twilio);
  watch('BookingUpdates', input.bookingUpdates?.fn);
  watch('TelegramWebhook', fns.telegramWebhook);
  const dlqs = [
    ...(fns.email ? [{ name: 'EmailNotifications', queue: fns.email.deadLetterQueue }] : []),
    ...(fns.schedule ? [{ name: 'HandoffRetrySchedule', queue: fns.schedule.deadLetterQueue }] : []),
    ...(fns.caseTasks ? [{ name: 'CaseTasks', queue: fns.caseTasks.deadLetterQueue }] : []),
    ...(input.bookingUpdates
      ? [{ name: 'BookingUpdates', queue: input.bookingUpdates.deadLetterQueue }]
      : []),
  ];
  const observability = new Observability(scope, 'Observability', {
    environmentName: c.environmentName,
    functions: watched,
    deadLetterQueues: dlqs,
    queueIds: Object.keys(input.policy.queues),
    languages: Object.keys(input.policy.languages),
    connectInstanceId: c.connectInstanceId,
    connectQueueNames: input.center.queueNames,
    alarmEmail: c.alarmEmail,
  });
  if (fns.api) {
    if (fns.twilioMessaging)
      new CfnOutput(scope, 'TwilioMessagingWebhook', {
        value: `${fns.api.api.apiEndpoint}/twilio/messaging`,
      });
    if (fns.twilioVoice)
      new CfnOutput(scope, 'TwilioVoiceWebhook', { value: `${fns.api.api.apiEndpoint}/twilio/voice` });
    if (fns.twilioTaskRouter)
      new CfnOutput(scope, 'TwilioTaskRouterEventCallback', {
        value: `${fns.api.api.apiEndpoint}/twilio/taskrouter`,
      });
    if (fns.twilioStatus)
      new CfnOutput(scope, 'TwilioStatusCallback', {
        description: 'StatusCallback of every SMS/WhatsApp message sent (TWILIO_STATUS_CALLBACK_URL)',
        value: `${fns.api.api.apiEndpoint}/twilio/status`,
      });
  }
  for (const [name, flow] of input.flows.flows)
    new CfnOutput(scope, `Flow${name.replace(/[^A-Za-z0-9]/g, '')}`, { value: flow.attrContactFlowArn });
  return observability;
}
