import { Fn } from 'aws-cdk-lib';
import { CfnHoursOfOperation, CfnQueue } from 'aws-cdk-lib/aws-connect';
import { Construct } from 'constructs';
import type { RoutingPolicy } from '../../functions/domain/routing/policy-schema';
import { holidayOverrides, weeklyHours } from './connect-hours';

/** Options for the Connect queues built from the routing policy. */
export interface ContactCenterProps {
  readonly instanceArn: string;
  readonly policy: RoutingPolicy;
  readonly environmentName: string;
  /** Overrides that ended before this date (YYYY-MM-DD) are left out: Connect refuses them. */
  readonly overridesFrom: string;
}

/** A policy queue as Connect knows it: what CONNECT_QUEUES carries to the Lambdas. */
export interface ConnectQueueTokens {
  readonly id: string;
  readonly arn: string;
}

/**
 * One Connect queue and one hours of operation per policy queue, in the queue's own time zone, with
 * holidays and special hours as overrides: the same file the Lambdas route with, so hours cannot drift.
 */
export class ContactCenter extends Construct {
  /** Policy queue id → the Connect queue. */
  readonly queues = new Map<string, CfnQueue>();
  /** The Connect queue names (Connect's own CloudWatch metrics are per queue name). */
  readonly queueNames: string[] = [];

  constructor(scope: Construct, id: string, props: ContactCenterProps) {
    super(scope, id);
    // Queue names are unique per instance, so every environment but prod says which it is.
    const suffix = props.environmentName === 'prod' ? '' : ` (${props.environmentName})`;
    for (const [queueId, queue] of Object.entries(props.policy.queues)) {
      const hours = new CfnHoursOfOperation(this, `${queueId}-hours`, {
        instanceArn: props.instanceArn,
        name: `${queue.displayName}${suffix}`.slice(0, 127),
        description: `Hours of ${queueId} from policy/routing-policy.json`,
        timeZone: queue.timeZone,
        config: weeklyHours(queue),
        hoursOfOperationOverrides: holidayOverrides(
          queue,
          props.policy.calendar.teams[queueId],
          props.overridesFrom,
        ),
      });
      const queueName = `${queue.displayName}${suffix}`.slice(0, 127);
      this.queueNames.push(queueName);
      const connectQueue = new CfnQueue(this, `${queueId}-queue`, {
        instanceArn: props.instanceArn,
        name: queueName,
        description: `Policy queue ${queueId} (${queue.language})`,
        hoursOfOperationArn: hours.attrHoursOfOperationArn,
      });
      this.queues.set(queueId, connectQueue);
    }
  }

  /** Policy queue id → {id, arn} tokens, for CONNECT_QUEUES. */
  queueRefs(): Record<string, ConnectQueueTokens> {
    const refs: Record<string, ConnectQueueTokens> = {};
    for (const [queueId, q] of this.queues)
      refs[queueId] = { id: idFromArn(q.attrQueueArn), arn: q.attrQueueArn };
    return refs;
  }
}

/** The resource id at the end of a Connect ARN (…:instance/<instance>/<kind>/<id>). */
export function idFromArn(arn: string): string {
  return Fn.select(3, Fn.split('/', arn));
}
