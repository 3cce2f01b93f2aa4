import { Duration } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CLOSE_SETTLED_TASK } from '../../functions/domain/cases/retention';

/** The sweep Lambda, and the dead-letter queue its other schedule already uses (alarmed on depth). */
export interface RetentionScheduleProps {
  readonly sweep: IFunction;
  readonly deadLetterQueue: IQueue;
}

/**
 * Runs the case sweep's retention task hourly: settled cases close after the policy's closeAfterDays,
 * and closed cases' items get the table's TTL attribute (retentionDays after closing). Hourly is
 * plenty for day-long windows, and keeps the case-list read it costs off the every-minute sweep.
 */
export class RetentionSchedule extends Construct {
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: RetentionScheduleProps) {
    super(scope, id);
    this.rule = new Rule(this, 'Hourly', {
      description: 'Closes settled cases and sets their items to expire (retention)',
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [
        new LambdaFunction(props.sweep, {
          event: RuleTargetInput.fromObject({ task: CLOSE_SETTLED_TASK }),
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: Duration.minutes(30),
        }),
      ],
    });
  }
}
