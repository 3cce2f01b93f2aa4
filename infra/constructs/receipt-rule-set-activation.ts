import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge';

/** Options for activating a receipt rule set. */
export interface ReceiptRuleSetActivationProps {
  readonly ruleSetName: string;
}

/**
 * Makes the rule set the account's active one on create and update, and deactivates it on delete
 * (CloudFormation has no resource for this). An account has one active rule set per region: this
 * replaces any other, which is why the configuration can turn it off (docs/deploy.md).
 */
export class ReceiptRuleSetActivation extends Construct {
  constructor(scope: Construct, id: string, props: ReceiptRuleSetActivationProps) {
    super(scope, id);
    const activate = {
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: props.ruleSetName },
      physicalResourceId: PhysicalResourceId.of(`active-receipt-rule-set-${Stack.of(this).region}`),
    };
    const resource = new AwsCustomResource(this, 'Resource', {
      onCreate: activate,
      onUpdate: activate,
      // Without a name, SES deactivates the active rule set: mail stops being accepted for the domain.
      onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} },
      installLatestAwsSdk: false,
      policy: AwsCustomResourcePolicy.fromStatements([
        // SetActiveReceiptRuleSet has no resource-level permissions: "*" is the only resource it accepts.
        new PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] }),
      ]),
    });
    acknowledge(resource, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ses:SetActiveReceiptRuleSet supports no resource-level permission; the action is the only one allowed',
    });
  }
}
