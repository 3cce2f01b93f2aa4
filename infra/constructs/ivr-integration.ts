import { Stack } from 'aws-cdk-lib';
import { CfnIntegrationAssociation } from 'aws-cdk-lib/aws-connect';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Options for letting a Connect instance invoke a Lambda. */
export interface IvrIntegrationProps {
  readonly instanceArn: string;
  readonly fn: IFunction;
}

/**
 * A flow can invoke a Lambda only when the Lambda is associated with the instance and the Lambda's
 * resource policy lets connect.amazonaws.com call it: both, scoped to this instance and account.
 */
export class IvrIntegration extends Construct {
  readonly association: CfnIntegrationAssociation;

  constructor(scope: Construct, id: string, props: IvrIntegrationProps) {
    super(scope, id);
    this.association = new CfnIntegrationAssociation(this, 'Association', {
      instanceId: props.instanceArn,
      integrationType: 'LAMBDA_FUNCTION',
      integrationArn: props.fn.functionArn,
    });
    props.fn.addPermission('InvokedByConnect', {
      principal: new ServicePrincipal('connect.amazonaws.com'),
      sourceAccount: Stack.of(this).account,
      sourceArn: props.instanceArn,
    });
  }
}
