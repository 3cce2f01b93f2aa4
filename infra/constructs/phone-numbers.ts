import { Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnPhoneNumber } from 'aws-cdk-lib/aws-connect';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { PhoneNumberConfig } from '../config/deploy-config';

/** Options for the instance's phone numbers. */
export interface PhoneNumbersProps {
  readonly instanceArn: string;
  readonly instanceId: string;
  readonly numbers: readonly PhoneNumberConfig[];
  /** The flows a number may point at (file names without .json). */
  readonly flowNames: readonly string[];
  /** A flow's ARN (a lazy token: the flows are created after the Lambdas that read these numbers). */
  readonly flowArnOf: (flowName: string) => string;
  /** Production keeps claimed numbers when the stack is deleted: a released number may never come back. */
  readonly production: boolean;
}

/**
 * Claims the configured numbers (or takes the instance's existing ones) and points each at its flow.
 * CloudFormation has no resource for the number → flow association, so a custom resource calls
 * AssociatePhoneNumberContactFlow (and disassociates on delete, leaving the number itself alone).
 */
export class PhoneNumbers extends Construct {
  /** E.164 numbers (tokens for claimed ones) that are loyalty lines, for the IVR's LOYALTY_LINES. */
  readonly loyaltyLines: string[] = [];

  constructor(scope: Construct, id: string, props: PhoneNumbersProps) {
    super(scope, id);
    const stack = Stack.of(this);
    props.numbers.forEach((entry, index) => {
      if (!props.flowNames.includes(entry.flow))
        throw new Error(
          `connect.phoneNumbers[${index}].flow: no contact flow "${entry.flow}" (flows: ${props.flowNames.join(', ')})`,
        );
      const flowArn = props.flowArnOf(entry.flow);
      let phoneNumberId: string;
      let e164: string;
      if ('claim' in entry) {
        const claimed = new CfnPhoneNumber(this, `Number${index}`, {
          targetArn: props.instanceArn,
          countryCode: entry.claim.countryCode,
          type: entry.claim.type,
          prefix: entry.claim.prefix,
          description: `contact router: ${entry.flow}${entry.loyalty ? ' (loyalty line)' : ''}`,
        });
        claimed.applyRemovalPolicy(props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        phoneNumberId = Fn.select(1, Fn.split('/', claimed.attrPhoneNumberArn));
        e164 = claimed.attrAddress;
      } else {
        phoneNumberId = entry.existing.phoneNumberId;
        e164 = entry.existing.number;
      }
      if (entry.loyalty) this.loyaltyLines.push(e164);
      const phoneNumberArn = stack.formatArn({
        service: 'connect',
        resource: 'phone-number',
        resourceName: phoneNumberId,
      });
      const associate = {
        service: 'Connect',
        action: 'associatePhoneNumberContactFlow',
        parameters: {
          InstanceId: props.instanceId,
          PhoneNumberId: phoneNumberId,
          ContactFlowId: flowIdOf(flowArn),
        },
        physicalResourceId: PhysicalResourceId.of(`phone-number-flow-${index}`),
      };
      new AwsCustomResource(this, `Number${index}Flow`, {
        onCreate: associate,
        onUpdate: associate,
        onDelete: {
          service: 'Connect',
          action: 'disassociatePhoneNumberContactFlow',
          parameters: { InstanceId: props.instanceId, PhoneNumberId: phoneNumberId },
        },
        installLatestAwsSdk: false,
        policy: AwsCustomResourcePolicy.fromStatements([
          new PolicyStatement({
            actions: [
              'connect:AssociatePhoneNumberContactFlow',
              'connect:DisassociatePhoneNumberContactFlow',
            ],
            resources: [phoneNumberArn, flowArn, props.instanceArn],
          }),
        ]),
      });
    });
  }
}

function flowIdOf(flowArn: string): string {
  return Fn.select(3, Fn.split('/', flowArn));
}
