import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge';

/**
 * An encrypted, TLS-only dead-letter queue kept 14 days (the longest a failed event may wait to be
 * replayed). It is a DLQ itself, so cdk-nag's "has no DLQ" finding is acknowledged with `whose`.
 */
export function deadLetterQueue(scope: Construct, whose: string): Queue {
  const queue = new Queue(scope, 'DeadLetters', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, {
    id: 'AwsSolutions-SQS3',
    reason: `this queue is itself the dead-letter queue of ${whose}`,
  });
  return queue;
}
