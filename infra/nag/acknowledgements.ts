import type { Stack } from 'aws-cdk-lib';
import { acknowledge } from './acknowledge';

// Singleton Lambdas that CDK itself adds to the stack (fixed construct ids from aws-cdk-lib).
const CUSTOM_RESOURCE_PROVIDER = 'AWS679f53fac002430cb0da5b7982bd2287';
const BUCKET_NOTIFICATIONS_HANDLER = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

/** Acknowledges the findings on the helper Lambdas aws-cdk-lib adds, which we do not write. */
export function acknowledgeStackFindings(stack: Stack): void {
  const provider = stack.node.tryFindChild(CUSTOM_RESOURCE_PROVIDER);
  if (provider)
    acknowledge(provider, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'aws-cdk-lib AwsCustomResource provider (receipt rule set activation, phone number → flow association): runs only during deployments and needs only to write its logs, which is all this managed policy allows',
    });
  const notifications = stack.node.tryFindChild(BUCKET_NOTIFICATIONS_HANDLER);
  if (notifications)
    acknowledge(notifications, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'aws-cdk-lib bucket-notifications handler: runs only during deployments to configure the raw-mail bucket → SQS notification and needs only to write its logs',
    });
}
