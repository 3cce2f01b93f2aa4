import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition';
import { acknowledge } from '../nag/acknowledge';

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
  /** The key PIN hashes are peppered with (PIN_PEPPER_SECRET): the table's PINs are useless without it. */
  readonly pinPepper: Secret;

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
      // Booking updates read changed bookings from the stream, old and new versions side by side.
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
    });
    // Kept and removed with the table: losing it would leave every stored PIN unverifiable.
    this.pinPepper = new Secret(this, 'PinPepper', {
      description: 'Pepper of the booking PIN hashes in the contact router table',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: tableDefaults(props.production).removalPolicy,
    });
    acknowledge(this.pinPepper, {
      id: 'AwsSolutions-SMG4',
      reason:
        'a rotation must re-hash every PIN, which only the booking export has, so it is a manual two-step (new pepper in front of the old, re-import: docs/deploy.md, "Rotating the PIN pepper"), not a rotation Lambda; only the four doors and the deployer running the import may read it',
    });
  }
}
