// Plain data on purpose: the CDK app builds its tables from these without this file importing aws-cdk-lib.

/** Attribute names of the keys every item carries; GSI keys are only present where the item belongs. */
export const KEYS = {
  pk: 'pk',
  sk: 'sk',
  gsi1pk: 'gsi1pk',
  gsi1sk: 'gsi1sk',
  gsi2pk: 'gsi2pk',
  gsi2sk: 'gsi2sk',
  gsi3pk: 'gsi3pk',
  gsi3sk: 'gsi3sk',
} as const;

/** Index names: contacts of a case and the case list, the outbox, the pending hand-offs. */
export const INDEXES = { byCase: 'gsi1', outbox: 'gsi2', pending: 'gsi3' } as const;

/** The attribute DynamoDB's TTL reads (epoch seconds); reads still check `expiresAt` themselves. */
export const TTL_ATTRIBUTE = 'ttl';

/** The TTL attribute's value for an instant: whole epoch seconds, from epoch milliseconds or ISO 8601. */
export function ttlSeconds(at: number | string): number {
  return Math.floor((typeof at === 'number' ? at : Date.parse(at)) / 1000);
}

/** One global secondary index, as plain data. */
export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

/** A table as plain data: enough for `CreateTable` here and for `dynamodb.TableV2` in the CDK app. */
export interface TableDefinition {
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Every key attribute is a string. */
  readonly attributes: readonly string[];
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  readonly timeToLiveAttribute?: string | undefined;
}

/** The main table: bookings, PIN guards, customers, cases, open-case pointers and contacts. */
export function tableDefinition(): TableDefinition {
  const globalSecondaryIndexes: IndexDefinition[] = [
    { indexName: INDEXES.byCase, partitionKey: KEYS.gsi1pk, sortKey: KEYS.gsi1sk },
    { indexName: INDEXES.outbox, partitionKey: KEYS.gsi2pk, sortKey: KEYS.gsi2sk },
    { indexName: INDEXES.pending, partitionKey: KEYS.gsi3pk, sortKey: KEYS.gsi3sk },
  ];
  return {
    partitionKey: KEYS.pk,
    sortKey: KEYS.sk,
    attributes: Object.values(KEYS),
    globalSecondaryIndexes,
    timeToLiveAttribute: TTL_ATTRIBUTE,
  };
}

/** The local runtime's waiting lists (one partition per queue); never deployed to AWS. */
export function waitingListTableDefinition(): TableDefinition {
  return {
    partitionKey: KEYS.pk,
    sortKey: KEYS.sk,
    attributes: [KEYS.pk, KEYS.sk],
    globalSecondaryIndexes: [],
  };
}
