import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue';

/** Options for the hand-off retry schedule. */
export interface HandoffScheduleProps {
  readonly fn: IFunction;
}

/**
 * Runs the hand-off retry Lambda every minute. An invocation EventBridge could not deliver lands in a
 * DLQ (alarmed), so a broken retry is noticed rather than silently skipped.
 */
export class HandoffSchedule extends Construct {
  readonly rule: Rule;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: HandoffScheduleProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'the schedule target (and is alarmed on depth)');
    this.rule = new Rule(this, 'EveryMinute', {
      description: 'Retries hand-offs to Amazon Connect that failed',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [
        new LambdaFunction(props.fn, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: Duration.minutes(2),
        }),
      ],
    });
  }
}
