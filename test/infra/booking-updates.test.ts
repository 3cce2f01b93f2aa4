import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEND_DUE_NOTICES_TASK } from '../../functions/domain/notify/notify-booking';
import { buildStack } from './support/build-stack';

let built: ReturnType<typeof buildStack>;
let template: Template;

beforeAll(() => {
  built = buildStack();
  template = built.template();
}, 120_000);

const fnArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^bookingUpdatesFunction[0-9A-F]+$'), 'Arn'] };

describe('booking updates in the stack', () => {
  it('streams the table with old and new images', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('maps only changed booking items to the Lambda, with partial batches, bisection and a DLQ', () => {
    // Act
    const mappings = template.findResources('AWS::Lambda::EventSourceMapping', {
      Properties: { FunctionName: { Ref: Match.stringLikeRegexp('^bookingUpdatesFunction') } },
    });
    // Assess
    const all = Object.values(mappings) as { Properties: Record<string, unknown> }[];
    expect(all).toHaveLength(1);
    const mapping = all[0] as { Properties: Record<string, unknown> };
    expect(mapping.Properties).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      StartingPosition: 'LATEST',
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    const filters = (mapping.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([
      {
        eventName: ['MODIFY'],
        dynamodb: { Keys: { pk: { S: [{ prefix: 'BOOKING#' }] }, sk: { S: ['BOOKING'] } } },
      },
    ]);
  });

  it('sends held notices hourly', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [
        Match.objectLike({
          Arn: fnArn,
          Input: JSON.stringify({ task: SEND_DUE_NOTICES_TASK }),
          DeadLetterConfig: Match.anyValue(),
        }),
      ],
    });
  });

  it('gives the Lambda its environment contract and the stream read', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Tells guests of changes to their bookings'),
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          MESSAGING_REPLIES_PER_SENDER_PER_HOUR: '5',
          BOOKING_UPDATES_DUE_BATCH: '200',
        }),
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'dynamodb:ListStreams' }),
          Match.objectLike({
            Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
          }),
        ]),
      },
    });
  });

  it('alarms when a change lands in its dead-letter queue, and on the Lambda’s errors', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('^BookingUpdates: messages in the dead-letter queue'),
      Threshold: 0,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('^BookingUpdates: more than .*% of invocations fail'),
    });
  });
});
