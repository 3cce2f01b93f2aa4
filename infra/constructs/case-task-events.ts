import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue';

/** The case-task Lambdas and the Connect instance whose events they follow. */
export interface CaseTaskEventsProps {
  readonly instanceArn: string;
  /** functions/handlers/connect-events.ts */
  readonly events?: IFunction | undefined;
  /** functions/handlers/case-task-sweep.ts */
  readonly sweep?: IFunction | undefined;
}

/**
 * Follows Amazon Connect for the cases: an EventBridge rule sends this instance's contact events
 * (source aws.connect, detail-type "Amazon Connect Contact Event"; delivery is best effort) to the
 * events Lambda, and a rule runs the reconciliation and escalation sweep every minute. Whatever fails
 * for good — an event EventBridge could not deliver, an invocation that kept failing after Lambda's
 * retries (a malformed event, a broken store) — lands in one dead-letter queue, alarmed on depth.
 */
export class CaseTaskEvents extends Construct {
  readonly deadLetterQueue: Queue;
  readonly eventRule?: Rule;
  readonly sweepRule?: Rule;

  constructor(scope: Construct, id: string, props: CaseTaskEventsProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(
      this,
      'the Connect event rule, the sweep and their Lambdas (alarmed on depth)',
    );
    const target = (fn: IFunction) =>
      new LambdaFunction(fn, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 4,
        maxEventAge: Duration.hours(1),
      });
    if (props.events) {
      this.eventRule = new Rule(this, 'ConnectContactEvents', {
        description: 'Amazon Connect contact events of this instance: move the cases their tasks carry',
        // The envelope's resources list the instance ARN in every contact event, whatever the
        // spelling of the detail's keys.
        eventPattern: {
          source: ['aws.connect'],
          detailType: ['Amazon Connect Contact Event'],
          resources: [props.instanceArn],
        },
        targets: [target(props.events)],
      });
      props.events.configureAsyncInvoke({
        onFailure: new SqsDestination(this.deadLetterQueue),
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
      });
    }
    if (props.sweep)
      this.sweepRule = new Rule(this, 'EveryMinute', {
        description: 'Reconciles Connect tasks whose events never came; escalates waiting tasks',
        schedule: Schedule.rate(Duration.minutes(1)),
        targets: [
          new LambdaFunction(props.sweep, {
            deadLetterQueue: this.deadLetterQueue,
            retryAttempts: 2,
            maxEventAge: Duration.minutes(2),
          }),
        ],
      });
  }
}
