import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ItemKey } from './keys';
import { readBatcherFor } from './read-batcher';
import { isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;

/** A DocumentClient bound to one table, turning every SDK failure into a DependencyError. */
export class TableClient {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /** Sends a command; any SDK error becomes a DependencyError naming `action`. */
  async send<O>(action: string, command: { input: unknown }): Promise<O> {
    try {
      // The command types differ per call; `send` accepts all of them at run time.
      return (await this.client.send(command as never)) as O;
    } catch (error) {
      throw toDependencyError(error, action);
    }
  }

  /**
   * Reads one item, strongly consistent when asked (right after a lost conditional write); reads started
   * together share one BatchGetItem (ReadBatcher).
   */
  get(action: string, key: ItemKey, consistent = false): Promise<Item | undefined> {
    return readBatcherFor(this.client, this.tableName).get(action, key, consistent);
  }

  /**
   * Puts an item if `condition` holds; otherwise returns the item that made it fail. Real DynamoDB hands
   * that item back with the error (one request); dynalite does not, so a consistent read follows then.
   */
  async putUnless(
    action: string,
    item: Item & ItemKey,
    condition: string,
    values?: Item,
    names?: Record<string, string>,
  ): Promise<{ written: true } | { written: false; holder: Item | undefined }> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: condition,
          ...(values ? { ExpressionAttributeValues: values } : {}),
          ...(names ? { ExpressionAttributeNames: names } : {}),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { written: true };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw toDependencyError(error, action);
      const returned = (error as { Item?: Parameters<typeof unmarshall>[0] }).Item;
      const holder = returned
        ? unmarshall(returned)
        : await this.get(action, { pk: item.pk, sk: item.sk }, true);
      return { written: false, holder };
    }
  }
}
