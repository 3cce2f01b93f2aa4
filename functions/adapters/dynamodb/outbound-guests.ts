import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Channel } from '../../domain/contact';
import type { Admission, GuestAllowance } from '../../domain/outbound/ledger';
import type { RateWindow } from '../../domain/rate-window';
import { onePerKey, optOutKey, outboundRateKey } from './keys';
import { TableClient } from './table-client';
import { TTL_ATTRIBUTE, ttlSeconds } from './table-definition';
import { isConditionalCheckFailed, toDependencyError } from './translate-error';

/** GuestAllowance on the main table: one rate item per address and hour, one opt-out item per channel. */
export class DynamoGuestAllowance implements GuestAllowance {
  private readonly table: TableClient;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = new TableClient(client, tableName);
  }

  async count(address: string, messageId: string, window: RateWindow, limit: number): Promise<Admission> {
    try {
      // The counter is the set of message ids: adding one already there changes nothing, so a retried
      // message is counted once, and the condition lets it through again.
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: outboundRateKey(address, window.start),
          UpdateExpression: 'SET kind = :kind, expiresAt = :expires, #ttl = :ttl ADD ids :ids',
          ConditionExpression: 'attribute_not_exists(ids) OR size(ids) < :limit OR contains(ids, :id)',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':kind': 'outbound-rate',
            ':expires': window.expiresAt,
            ':ttl': ttlSeconds(window.expiresAt),
            ':ids': new Set([messageId]),
            ':id': messageId,
            ':limit': limit,
          },
        }),
      );
      return 'admitted';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'rate_limited';
      throw toDependencyError(error, 'count outbound message');
    }
  }

  async optedOut(address: string, channel: Channel): Promise<boolean> {
    const item = await this.table.get('read opt-out', optOutKey(address, channel), true);
    return item?.optedOut === true;
  }

  async setOptOut(address: string, channel: Channel, optedOut: boolean, at: string): Promise<void> {
    // Last word wins: STOP then START leaves the guest opted in.
    const item = { ...optOutKey(address, channel), kind: 'opt-out', optedOut, at };
    await this.table.send('record opt-out', new PutCommand({ TableName: this.table.tableName, Item: item }));
  }

  async claimOnePer(key: string, messageId: string): Promise<boolean> {
    const put = await this.table.putUnless(
      'claim one-per key',
      { ...onePerKey(key), kind: 'one-per', messageId },
      'attribute_not_exists(pk) OR messageId = :mine',
      { ':mine': messageId },
    );
    return put.written || put.holder?.messageId === messageId;
  }
}
