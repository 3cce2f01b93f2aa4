import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition';

/** Options for the contact router's table. */
export interface ContactTableProps {
  /** Production keeps the table on stack deletion and refuses to delete it. */
  readonly production: boolean;
}

/** Secure defaults for the table, kept in one small function so a test can read them. */
export function tableDefaults(production: boolean) {
  return {
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: TableEncryptionV2.awsManagedKey(),
    deletionProtection: production,
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  };
}

/**
 * The single table behind BookingStore and CaseStore, built from the same plain definition the
 * adapters and the local runtime use, so keys and indexes cannot drift apart.
 */
export class ContactTable extends Construct {
  /** The DynamoDB table. */
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: ContactTableProps) {
    super(scope, id);
    const def = tableDefinition();
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(def.partitionKey),
      sortKey: key(def.sortKey),
      timeToLiveAttribute: def.timeToLiveAttribute,
      globalSecondaryIndexes: def.globalSecondaryIndexes.map((gsi) => ({
        indexName: gsi.indexName,
        partitionKey: key(gsi.partitionKey),
        sortKey: key(gsi.sortKey),
      })),
      ...tableDefaults(props.production),
    });
  }
}
