import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, CfnOutput, Duration, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { horizonWarnings } from '../../functions/domain/routing/holiday-calendar';
import type { RoutingPolicy } from '../../functions/domain/routing/policy-schema';
import {
  BOOKING_UPDATES_DEFAULTS,
  bookingUpdatesEnvironment,
} from '../../functions/wiring/booking-updates-env';
import type { DeployConfig } from '../config/deploy-config';
import { BookingUpdates } from '../constructs/booking-updates';
import { REPO_ROOT } from '../constructs/bundling';
import { ContactCenter, idFromArn } from '../constructs/contact-center';
import { ContactFlows } from '../constructs/contact-flows';
import { ContactTable } from '../constructs/contact-table';
import { flowLambdaTimeLimit } from '../constructs/flow-limits';
import type { FlowFile } from '../constructs/flow-placeholders';
import { HANDLER_ENTRIES, type HandlerKey } from '../constructs/handler-entries';
import { HandlerFunction, type HandlerFunctionProps } from '../constructs/handler-function';
import { metricsNamespace } from '../constructs/metrics-contract';
import { PhoneNumbers } from '../constructs/phone-numbers';
import { acknowledgeStackFindings } from '../nag/acknowledgements';
import { wireAgentApi } from './agent-api';
import { type DoorFunctions, wireDoors } from './doors';
import { flowValues } from './flow-values';
import { wireGuestMessages } from './guest-messages';
import { observe } from './observe';

/** Settings and sources of one deployment. */
export interface ContactRouterStackProps extends StackProps {
  readonly config: DeployConfig;
  /** The validated routing policy (policy/routing-policy.json). */
  readonly policy: RoutingPolicy;
  /** The flow files and the allowed placeholder names (contact-flows/). */
  readonly flows: { readonly files: readonly FlowFile[]; readonly known: ReadonlySet<string> };
  /** Hours overrides that ended before this date are left out (YYYY-MM-DD; default today). */
  readonly overridesFrom?: string;
  /**
   * The file to bundle for a handler entry, or undefined when it does not exist (default: the entry
   * itself when the file is there). A missing handler is reported and its door not deployed.
   */
  readonly resolveEntry?: (entry: string) => string | undefined;
}

/** The flow Connect starts tasks on (email and messaging hand-offs): the flow file named *task*. */
export const TASK_FLOW_PATTERN = /task/;

// Lambda timeouts: Connect waits 8 s for a flow's Lambda, Twilio 15 s for a webhook's answer.
const LIMITS = { ivr: Duration.seconds(8), twilio: Duration.seconds(15) };

/** The contact router: wires the constructs, nothing else. */
export class ContactRouterStack extends Stack {
  /** Doors whose handler file is not there yet, so they are not deployed. */
  readonly missingHandlers: HandlerKey[] = [];

  constructor(scope: Construct, id: string, props: ContactRouterStackProps) {
    super(scope, id, { ...props, env: { account: props.config.account, region: props.config.region } });
    const c = props.config;
    const taskFlow = props.flows.files.find((f) => TASK_FLOW_PATTERN.test(f.name));
    if (!taskFlow)
      throw new Error(
        `contact-flows/: no task flow (a flow file whose name contains "task"); CONNECT_TASK_FLOW_ID needs it. Flows: ${props.flows.files.map((f) => f.name).join(', ') || 'none'}`,
      );
    const data = new ContactTable(this, 'Data', { production: c.production });
    const overridesFrom = props.overridesFrom ?? new Date().toISOString().slice(0, 10);
    for (const warning of horizonWarnings(props.policy, new Date(`${overridesFrom}T00:00:00Z`)))
      Annotations.of(this).addWarningV2('contact-router:holiday-horizon', warning);
    const center = new ContactCenter(this, 'ContactCenter', {
      instanceArn: c.connect.instanceArn,
      policy: props.policy,
      environmentName: c.environmentName,
      overridesFrom,
    });
    let flows: ContactFlows | undefined;
    const taskFlowId = Lazy.string({
      produce: () => idFromArn(flows?.flows.get(taskFlow.name)?.attrContactFlowArn ?? ''),
    });

    const resolve =
      props.resolveEntry ?? ((entry: string) => (existsSync(join(REPO_ROOT, entry)) ? entry : undefined));
    const common = {
      serviceName: '',
      metricsNamespace: metricsNamespace(c.environmentName),
      logRetention: c.logRetentionDays as RetentionDays,
      production: c.production,
      holidayCalendar: props.policy.calendar,
    };
    const lambda = (key: HandlerKey, props: Omit<HandlerFunctionProps, keyof typeof common | 'entry'>) => {
      const entry = resolve(HANDLER_ENTRIES[key]);
      if (!entry) {
        this.missingHandlers.push(key);
        Annotations.of(this).addWarningV2(
          'contact-router:missing-handler',
          `${HANDLER_ENTRIES[key]} does not exist yet: not deployed`,
        );
        return undefined;
      }
      return new HandlerFunction(this, key, { ...common, ...props, entry, serviceName: key }).fn;
    };
    const numbers = new PhoneNumbers(this, 'PhoneNumbers', {
      instanceArn: c.connect.instanceArn,
      instanceId: c.connectInstanceId,
      numbers: c.connect.phoneNumbers,
      flowNames: props.flows.files.map((f) => f.name),
      flowArnOf: (name) => Lazy.string({ produce: () => flows?.flows.get(name)?.attrContactFlowArn }),
      production: c.production,
    });
    const fns: DoorFunctions = wireDoors(this, {
      config: c,
      table: data.table,
      pinPepper: data.pinPepper,
      center,
      taskFlowId,
      lambda,
      limits: LIMITS,
      loyaltyLines: numbers.loyaltyLines,
    });
    const guests = wireGuestMessages(this, {
      config: c,
      table: data.table,
      center,
      taskFlowId,
      doors: fns,
      lambda,
    });
    wireAgentApi(this, { config: c, table: data.table, center, taskFlowId, guests, lambda });
    const bookingUpdates = lambda('bookingUpdates', {
      description: 'Tells guests of changes to their bookings (table stream; hourly: held notices)',
      timeout: Duration.seconds(60),
      environment: bookingUpdatesEnvironment({
        tableName: data.table.tableName,
        ...BOOKING_UPDATES_DEFAULTS,
        messengers: guests.messengers,
      }),
    });
    if (bookingUpdates) guests.grant(bookingUpdates);
    const updates = bookingUpdates
      ? new BookingUpdates(this, 'BookingUpdates', { fn: bookingUpdates, table: data.table })
      : undefined;

    flows = new ContactFlows(this, 'Flows', {
      instanceArn: c.connect.instanceArn,
      files: props.flows.files,
      known: props.flows.known,
      values: flowValues(c, props.policy, center, fns),
      environmentName: c.environmentName,
    });
    // Connect validates a flow on create: the Lambda it invokes must already be associated.
    for (const file of props.flows.files)
      if (fns.ivr && file.text.includes('%IvrLambdaArn%'))
        flows.flows.get(file.name)?.addResourceDependency(fns.ivr.association);
    // The IVR's duration alarm watches the time the flows really wait (InvocationTimeLimitSeconds),
    // not Connect's 8 s ceiling: past the flow's limit the caller already took the error branch.
    const ivrWait = flowLambdaTimeLimit(props.flows.files, 'IvrLambdaArn') ?? LIMITS.ivr;
    observe(this, {
      config: c,
      policy: props.policy,
      center,
      flows,
      fns,
      limits: { ...LIMITS, ivr: ivrWait },
      bookingUpdates: updates,
    });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'PinPepperSecretArn', {
      description: 'npm run import -- <file> --table <TableName> --pin-pepper-secret <this>',
      value: data.pinPepper.secretArn,
    });
    acknowledgeStackFindings(this);
  }
}
