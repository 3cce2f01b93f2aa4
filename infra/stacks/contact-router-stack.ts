import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ContactTable } from '../constructs/contact-table';

/** Settings that differ between deployments. */
export interface ContactRouterStackProps extends StackProps {
  readonly environmentName: string;
}

/** The contact router: only wires constructs (doors, functions and Connect join in their issues). */
export class ContactRouterStack extends Stack {
  constructor(scope: Construct, id: string, props: ContactRouterStackProps) {
    super(scope, id, props);
    new ContactTable(this, 'Data', { production: props.environmentName === 'prod' });
  }
}
