import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { INDEXES } from '../../functions/adapters/dynamodb/table-definition';
import { acknowledge, arnRef } from '../nag/acknowledge';
import { grantConnect } from './intake-grants';

/** What the erasure Lambda touches. */
export interface ErasureResources {
  readonly table: TableV2;
  /** The raw-mail bucket and the prefixes its objects live under (absent without the email door). */
  readonly rawMail?: { readonly bucket: IBucket; readonly prefixes: readonly string[] } | undefined;
  readonly instanceArn: string;
}

/**
 * DynamoErasureStore's requests: reads by key and partition, single-item rewrites, batched deletes, and
 * the task update a withdrawal makes. No Scan, no DeleteTable, no other index than gsi1 (a case's
 * contacts and messages, a booking's notices, the incident list).
 */
export const ERASURE_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:BatchWriteItem',
];

/** Least privilege for erase-guest: the table and one index, deletes in the raw-mail bucket, StopContact. */
export function grantErasure(fn: IFunction, resources: ErasureResources): void {
  const { table, rawMail } = resources;
  fn.addToRolePolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ERASURE_TABLE_ACTIONS,
      resources: [table.tableArn, `${table.tableArn}/index/${INDEXES.byCase}`],
    }),
  );
  if (rawMail) {
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:DeleteObject'],
        resources: rawMail.prefixes.map((prefix) => rawMail.bucket.arnForObjects(`${prefix}*`)),
      }),
    );
    if (fn.role)
      acknowledge(
        fn.role,
        ...rawMail.prefixes.map((prefix) => ({
          id: `AwsSolutions-IAM5[Resource::${arnRef(rawMail.bucket)}/${prefix}*]`,
          reason:
            'SES names each raw message by its message id, known only from the erased contacts: delete only, under the two raw-mail prefixes',
        })),
      );
  }
  grantConnect(fn, resources.instanceArn, ['StopContact']);
}
