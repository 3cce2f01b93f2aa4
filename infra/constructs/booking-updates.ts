import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bookingKey } from '../../functions/adapters/dynamodb/keys';
import { KEYS } from '../../functions/adapters/dynamodb/table-definition';
import { SEND_DUE_NOTICES_TASK } from '../../functions/domain/notify/notify-booking';
import { deadLetterQueue } from './dead-letter-queue';
import { grantTable } from './intake-grants';

/** The booking-updates Lambda and the table whose stream (NEW_AND_OLD_IMAGES) it reads. */
export interface BookingUpdatesProps {
  readonly fn: IFunction;
  readonly table: TableV2;
}

/**
 * Only changed booking items reach the Lambda: MODIFY records whose key is a booking's (pk "BOOKING#…",
 * sk "BOOKING"). Lambda event filtering on a DynamoDB source matches the record's `dynamodb` keys
 * ("Using event filtering with a DynamoDB event source", Lambda developer guide); `prefix` is the
 * filter rule for "begins with". A new booking (INSERT) has nothing to tell its guest.
 */
export function bookingItemFilter() {
  const bookingPrefix = bookingKey('').pk;
  return FilterCriteria.filter({
    eventName: FilterRule.isEqual('MODIFY'),
    dynamodb: {
      Keys: {
        [KEYS.pk]: { S: FilterRule.beginsWith(bookingPrefix) },
        [KEYS.sk]: { S: FilterRule.isEqual(bookingKey('').sk) },
      },
    },
  });
}

/**
 * Booking updates in AWS: the table's stream → the Lambda (booking items only, partial batch response,
 * a failing batch bisected, a record that keeps failing handed to an alarmed-depth dead-letter queue
 * with its stream position), and an hourly run that sends the notices held for the guests' mornings.
 */
export class BookingUpdates extends Construct {
  readonly fn: IFunction;
  readonly deadLetterQueue: Queue;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: BookingUpdatesProps) {
    super(scope, id);
    this.fn = props.fn;
    this.deadLetterQueue = deadLetterQueue(this, 'the booking-updates stream and its hourly schedule');
    grantTable(props.fn, props.table);
    props.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 25,
        filters: [bookingItemFilter()],
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        // A notice is one message per change (the ledger dedupes), so retrying is safe; past these
        // the record's position goes to the queue instead of holding the shard back.
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.deadLetterQueue),
      }),
    );
    this.rule = new Rule(this, 'Hourly', {
      description: 'Sends the booking updates held during the guests’ quiet hours',
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [
        new LambdaFunction(props.fn, {
          event: RuleTargetInput.fromObject({ task: SEND_DUE_NOTICES_TASK }),
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: Duration.minutes(30),
        }),
      ],
    });
  }
}
