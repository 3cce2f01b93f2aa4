import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { acknowledge, arnRef } from '../nag/acknowledge';

/** The Amazon Connect actions a handler's TSDoc says it calls. */
export type ConnectAction =
  | 'StartTaskContact'
  | 'UpdateContactRoutingData'
  | 'UpdateContactAttributes'
  | 'GetCurrentMetricData'
  | 'GetContactAttributes'
  | 'DescribeContact'
  | 'StopContact';

// Which parts of the instance each action touches (Connect's service authorization reference).
const RESOURCES: Record<ConnectAction, readonly string[]> = {
  StartTaskContact: ['', '/contact/*', '/contact-flow/*'],
  UpdateContactRoutingData: ['/contact/*'],
  UpdateContactAttributes: ['/contact/*'],
  GetContactAttributes: ['/contact/*'],
  DescribeContact: ['/contact/*'],
  StopContact: ['/contact/*'],
  GetCurrentMetricData: ['', '/queue/*'],
};

/** Read and write on the table and its indexes (the stores use both). */
export function grantTable(fn: IFunction, table: TableV2): void {
  table.grantReadWriteData(fn);
  if (fn.role)
    acknowledge(fn.role, {
      id: `AwsSolutions-IAM5[Resource::${arnRef(table)}/index/*]`,
      reason: 'the stores query the table’s own GSIs (by case, outbox, pending hand-offs); nothing else',
    });
}

/** Exactly the Connect actions a handler documents, on the one instance of this deployment. */
export function grantConnect(fn: IFunction, instanceArn: string, actions: readonly ConnectAction[]): void {
  const resources = [...new Set(actions.flatMap((a) => RESOURCES[a]))].map(
    (suffix) => `${instanceArn}${suffix}`,
  );
  fn.addToRolePolicy(
    new PolicyStatement({ effect: Effect.ALLOW, actions: actions.map((a) => `connect:${a}`), resources }),
  );
  if (!fn.role) return;
  for (const arn of resources.filter((r) => r.endsWith('*')))
    acknowledge(fn.role, {
      id: `AwsSolutions-IAM5[Resource::${arn}]`,
      reason:
        'task contacts get their ids when created (every later call names one of them), and staffing is read for every policy queue: scoped to the one Connect instance of this deployment',
    });
}
