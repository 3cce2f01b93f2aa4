import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge';

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
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.deadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason: 'this queue is itself the dead-letter queue of the schedule target (and is alarmed on depth)',
    });
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
