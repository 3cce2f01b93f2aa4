import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoutingPolicy } from '../../../functions/domain/routing/policy-schema';
import type { FlowEnvironment, FlowLambdaEvent } from '../../flow-sim';

const ACCOUNT = 'arn:aws:connect:local:000000000000:instance/local';
const FLOWS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../contact-flows');

/** The ARN the local flows name the IVR Lambda by. */
export const LOCAL_IVR_LAMBDA_ARN = 'arn:aws:lambda:local:000000000000:function:connect-ivr';

/** The local stand-in for a Connect queue's ARN. */
export function localQueueArn(queueId: string): string {
  return `${ACCOUNT}/queue/${queueId}`;
}

/** The policy queue id behind a local queue ARN. */
export function queueIdOfArn(arn: string): string | undefined {
  const prefix = `${ACCOUNT}/queue/`;
  return arn.startsWith(prefix) ? arn.slice(prefix.length) : undefined;
}

/** Policy queue id → local queue ARN, for every queue of the policy. */
export function localQueueArns(policy: RoutingPolicy): Record<string, string> {
  return Object.fromEntries(Object.keys(policy.queues).map((id) => [id, localQueueArn(id)]));
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

/** A value for every placeholder in contact-flows/placeholders.json, as the CDK app would give. */
export function localPlaceholders(policy: RoutingPolicy): Record<string, string> {
  const values: Record<string, string> = {
    IvrLambdaArn: LOCAL_IVR_LAMBDA_ARN,
    FallbackQueueArn: localQueueArn(policy.fallbackQueue),
    CustomerQueueFlowArn: `${ACCOUNT}/contact-flow/customer-queue`,
    MainInboundFlowArn: `${ACCOUNT}/contact-flow/main-inbound`,
    TaskRoutingFlowArn: `${ACCOUNT}/contact-flow/task-routing`,
    HoldMusicPromptArn: `${ACCOUNT}/prompt/hold-music`,
    InstanceArn: ACCOUNT,
  };
  for (const id of Object.keys(policy.queues)) values[`${pascal(id)}QueueArn`] = localQueueArn(id);
  return values;
}

/** A flow file of the repository, parsed: "main-inbound", "customer-queue", "task-routing". */
export function readFlow(name: string): unknown {
  return JSON.parse(readFileSync(join(FLOWS_DIR, `${name}.json`), 'utf8'));
}

/** The allowed placeholder names of contact-flows/placeholders.json. */
export function knownPlaceholders(): Set<string> {
  const json = JSON.parse(readFileSync(join(FLOWS_DIR, 'placeholders.json'), 'utf8')) as {
    placeholders: Record<string, string>;
  };
  return new Set(Object.keys(json.placeholders));
}

/** What the local flow environment asks of the runtime (in-process in tests, over HTTP in `npm run call`). */
export interface LocalContactCenterView {
  invokeIvr(event: FlowLambdaEvent): Promise<unknown>;
  queueOpen(queueId: string, now: Date): Promise<boolean> | boolean;
  agentsStaffed(queueId: string): Promise<number> | number;
  now(): Date;
}

/** The simulator's environment for the local runtime: the IVR Lambda, hours and staffing by queue ARN. */
export function localFlowEnvironment(policy: RoutingPolicy, view: LocalContactCenterView): FlowEnvironment {
  const idOf = (arn: string) => {
    const id = queueIdOfArn(arn);
    if (!id) throw new Error(`${arn} is not a local queue ARN`);
    return id;
  };
  return {
    invokeLambda: (arn, event) => {
      if (arn !== LOCAL_IVR_LAMBDA_ARN) throw new Error(`no local Lambda ${arn}`);
      return view.invokeIvr(event);
    },
    queueOpen: (arn, now) => view.queueOpen(idOf(arn), now),
    agentsStaffed: (arn) => view.agentsStaffed(idOf(arn)),
    flowByArn: (arn) => {
      const name = arn.split('/contact-flow/')[1];
      return name ? readFlow(name) : undefined;
    },
    placeholders: localPlaceholders(policy),
    now: () => view.now(),
  };
}
