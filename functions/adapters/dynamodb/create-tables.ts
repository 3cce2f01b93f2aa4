import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type TableDefinition, tableDefinition, waitingListTableDefinition } from './table-definition';
import { toDependencyError } from './translate-error';

/** Names of the tables to create; the waiting lists are only needed by the local runtime. */
export interface TableNames {
  readonly main: string;
  readonly waitingLists?: string | undefined;
}

/** Creates the tables unless they exist (ResourceInUse is fine: another process got there first). */
export async function createTables(client: DynamoDBClient, names: TableNames): Promise<void> {
  const wanted: [string, TableDefinition][] = [[names.main, tableDefinition()]];
  if (names.waitingLists) wanted.push([names.waitingLists, waitingListTableDefinition()]);
  for (const [name, definition] of wanted) {
    try {
      await client.send(new CreateTableCommand(createTableInput(name, definition)));
    } catch (error) {
      if ((error as { name?: string }).name === 'ResourceInUseException') continue;
      throw toDependencyError(error, `create table ${name}`);
    }
  }
}

function createTableInput(name: string, definition: TableDefinition) {
  const indexes = definition.globalSecondaryIndexes.map((index) => ({
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  }));
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST' as const,
    KeySchema: [
      { AttributeName: definition.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: definition.sortKey, KeyType: 'RANGE' as const },
    ],
    AttributeDefinitions: definition.attributes.map((a) => ({
      AttributeName: a,
      AttributeType: 'S' as const,
    })),
    ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
  };
}
