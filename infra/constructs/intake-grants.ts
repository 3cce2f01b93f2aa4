import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { acknowledge, arnRef } from '../nag/acknowledge';

/**
 * What the intake needs from AWS (shared/aws-intake.ts): read and write the table and its indexes,
 * start task contacts and set their priority, read queue staffing, all on the one Connect instance.
 */
export function grantIntake(fn: IFunction, table: TableV2, instanceArn: string): void {
  table.grantReadWriteData(fn);
  const scoped = ['contact/*', 'queue/*', 'contact-flow/*'].map((kind) => `${instanceArn}/${kind}`);
  fn.addToRolePolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: [
        'connect:StartTaskContact',
        'connect:UpdateContactRoutingData',
        'connect:GetCurrentMetricData',
      ],
      resources: [instanceArn, ...scoped],
    }),
  );
  if (!fn.role) return;
  acknowledge(
    fn.role,
    {
      id: `AwsSolutions-IAM5[Resource::${arnRef(table)}/index/*]`,
      reason: 'the intake queries the table’s own GSIs (by case, outbox, pending hand-offs); nothing else',
    },
    ...scoped.map((arn) => ({
      id: `AwsSolutions-IAM5[Resource::${arn}]`,
      reason:
        'task contacts get their ids when created, and staffing is read for every policy queue: scoped to the one Connect instance of this deployment',
    })),
  );
}

/** The environment the intake reads (shared/aws-intake.ts). */
export function intakeEnvironment(values: {
  tableName: string;
  instanceId: string;
  taskFlowId: string;
  queuesJson: string;
}): Record<string, string> {
  return {
    TABLE_NAME: values.tableName,
    CONNECT_INSTANCE_ID: values.instanceId,
    CONNECT_TASK_FLOW_ID: values.taskFlowId,
    CONNECT_QUEUES: values.queuesJson,
  };
}
