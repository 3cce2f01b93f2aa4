import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Acknowledges cdk-nag findings on a construct and everything under it; every one carries its reason. */
export function acknowledge(scope: IConstruct, ...findings: { id: string; reason: string }[]): void {
  Validations.of(scope).acknowledge(...findings);
}

/** How cdk-nag writes a resource's GetAtt Arn in a finding id: <LogicalId.Arn>. */
export function arnRef(resource: IConstruct): string {
  const element = resource.node.defaultChild as CfnElement;
  return `<${Stack.of(resource).getLogicalId(element)}.Arn>`;
}
