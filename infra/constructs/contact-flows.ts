import { Lazy } from 'aws-cdk-lib';
import { CfnContactFlow } from 'aws-cdk-lib/aws-connect';
import { Construct } from 'constructs';
import { flowTypeOfName } from '../../local/flow-sim/flow-types';
import { type FlowFile, pascal, substitutePlaceholders } from './flow-placeholders';

/** Options for the Connect flows. */
export interface ContactFlowsProps {
  readonly instanceArn: string;
  /** The flow files (contact-flows/*.json). */
  readonly files: readonly FlowFile[];
  /** Allowed placeholder names (contact-flows/placeholders.json). */
  readonly known: ReadonlySet<string>;
  /** Placeholder name → value (ARNs as tokens); each flow's own ARN is added as <PascalName>FlowArn. */
  readonly values: Readonly<Record<string, string>>;
  readonly environmentName: string;
}

/**
 * One Connect flow per file with every %Placeholder% replaced by its token. A flow may name another
 * flow's ARN (%CustomerQueueFlowArn%): those values are lazy, so files need no particular order.
 */
export class ContactFlows extends Construct {
  /** Flow name (file name without .json) → the flow. */
  readonly flows = new Map<string, CfnContactFlow>();

  constructor(scope: Construct, id: string, props: ContactFlowsProps) {
    super(scope, id);
    const values: Record<string, string> = { ...props.values };
    for (const file of props.files)
      values[`${pascal(file.name)}FlowArn`] = Lazy.string({
        produce: () => this.flows.get(file.name)?.attrContactFlowArn,
      });
    const suffix = props.environmentName === 'prod' ? '' : ` (${props.environmentName})`;
    for (const file of props.files) {
      const flow = new CfnContactFlow(this, file.name, {
        instanceArn: props.instanceArn,
        name: `contact-router ${file.name}${suffix}`,
        description: `contact-flows/${file.name}.json, deployed by the contact router's CDK app`,
        // The file name carries the flow type (docs/deploy.md); the flow validator uses the same rule.
        type: flowTypeOfName(file.name),
        state: 'ACTIVE',
        content: substitutePlaceholders(file.name, file.text, props.known, values),
      });
      this.flows.set(file.name, flow);
    }
  }
}
