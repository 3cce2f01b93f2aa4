import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboundLedger, OutboundRecord, Settlement } from '../../domain/outbound/ledger';
import type { DeliveryReport, DeliveryStatus } from '../../domain/outbound/messenger';
import { acknowledgedContactId, inlineAnswerOf } from '../../domain/outbound/reply-plan';
import type { ContactRecord } from '../../domain/ports';
import { batchGetAll } from './batch-get';
import { queryAll } from './index-query';
import { fromItem, withoutUndefined } from './item-codec';
import {
  caseOutboundPartition,
  contactKey,
  type ItemKey,
  OUTBOX_PARTITION,
  outboundKey,
  providerPartition,
  timeSortKey,
  UNSENT_PARTITION,
} from './keys';
import type { DynamoGuestAllowance } from './outbound-guests';
import { TableClient } from './table-client';
import { INDEXES } from './table-definition';
import { gaveUp, isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;

// A provider's reports may arrive out of order (Twilio does not promise order): a later stage never
// goes back to an earlier one, and a final failure is kept.
const STAGES: readonly DeliveryStatus[] = ['pending', 'queued', 'sent', 'delivered', 'read'];
function earlierThan(status: DeliveryReport['status']): DeliveryStatus[] {
  if (status === 'failed' || status === 'undelivered') return [...STAGES];
  return STAGES.slice(0, STAGES.indexOf(status));
}

// On these items `kind` is the message's own kind (acknowledgement, agent_reply…), which the shared
// codec would drop as the item-type marker other items use it for.
/** The outbound record an item holds (its `kind` kept). */
export function outboundRecordOf(item: Item): OutboundRecord {
  return { ...fromItem<OutboundRecord>(item), kind: item.kind as OutboundRecord['kind'] };
}

// An inline answer's record is kept on its contact item (storeContact): the ledger reads it there too.
function ledgerRecordOf(item: Item): OutboundRecord | undefined {
  return item.kind === 'contact' ? inlineAnswerOf(fromItem<ContactRecord>(item)) : outboundRecordOf(item);
}

/** Where a message's record may be: its own item, or the contact it acknowledges (an inline answer). */
function keysOf(id: string): ItemKey[] {
  const contactId = acknowledgedContactId(id);
  return contactId ? [outboundKey(id), contactKey(contactId)] : [outboundKey(id)];
}

/** The outbound ledger on the main table: one item per message id, listed through the outbox index. */
export class DynamoOutboundLedger implements OutboundLedger {
  private readonly table: TableClient;

  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    private readonly guests: DynamoGuestAllowance,
  ) {
    this.table = new TableClient(client, tableName);
  }

  async claim(record: OutboundRecord) {
    const item = {
      ...withoutUndefined(record),
      ...outboundKey(record.id),
      gsi2pk: OUTBOX_PARTITION,
      gsi2sk: timeSortKey(record.createdAt, record.id),
      // Under its case too: erasure and retention find a case's messages by one Query, no scan.
      gsi1pk: caseOutboundPartition(record.caseNumber),
      gsi1sk: timeSortKey(record.createdAt, record.id),
    };
    const put = await this.table.putUnless('claim outbound message', item, 'attribute_not_exists(pk)');
    if (put.written) return { claimed: true } as const;
    if (!put.holder) throw gaveUp('claim outbound message', 'the claim vanished while being read');
    return { claimed: false, existing: outboundRecordOf(put.holder) } as const;
  }

  async resume(id: string, now: string): Promise<boolean> {
    return this.update(
      'resume outbound message',
      id,
      'SET sendingSince = :now, updatedAt = :now',
      { ':now': now, ':pending': 'pending' },
      '#status = :pending AND attribute_not_exists(sendingSince)',
    );
  }

  async settle(id: string, settlement: Settlement, now: string): Promise<void> {
    const values: Item = { ':now': now };
    const sets = ['updatedAt = :now'];
    for (const [field, value] of Object.entries(withoutUndefined(settlement))) {
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    // The provider's id is what its status reports name: indexed so one Query finds the message. A
    // send that failed and may be retried is listed under UNSENT until a replay settles it otherwise.
    const indexed = settlement.providerMessageId
      ? { pk: providerPartition(settlement.providerMessageId), sk: id }
      : settlement.status === 'pending'
        ? { pk: UNSENT_PARTITION, sk: `${now}#${id}` }
        : undefined;
    if (indexed) {
      values[':gsi3pk'] = indexed.pk;
      values[':gsi3sk'] = indexed.sk;
      sets.push('gsi3pk = :gsi3pk', 'gsi3sk = :gsi3sk');
    }
    const removes = [
      'sendingSince',
      ...(settlement.error === undefined ? ['#error'] : []),
      ...(indexed ? [] : ['gsi3pk', 'gsi3sk']),
    ];
    const expression = `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`;
    await this.update('settle outbound message', id, expression, values);
  }

  async get(id: string): Promise<OutboundRecord | undefined> {
    // Started together, the reads share one BatchGetItem.
    const items = await Promise.all(
      keysOf(id).map((key) => this.table.get('get outbound message', key, true)),
    );
    return items.flatMap((item) => (item ? [ledgerRecordOf(item)] : [])).find((r) => r?.id === id);
  }

  async getMany(ids: readonly string[]): Promise<OutboundRecord[]> {
    const items = await batchGetAll(this.table, 'get outbound messages', [...new Set(ids)].flatMap(keysOf));
    const found = new Map<string, OutboundRecord>();
    for (const item of items) {
      const record = ledgerRecordOf(item);
      // A ledger item of the same id (claimed before answers went with contacts) is the record.
      if (record && (!found.has(record.id) || item.kind !== 'contact')) found.set(record.id, record);
    }
    return [...found.values()];
  }

  async listUnsent(limit: number): Promise<OutboundRecord[]> {
    if (limit <= 0) return [];
    const items = await queryAll(this.table, 'list unsent outbound messages', {
      IndexName: INDEXES.pending,
      KeyConditionExpression: 'gsi3pk = :p',
      ExpressionAttributeValues: { ':p': UNSENT_PARTITION },
    });
    return items.slice(0, limit).map(outboundRecordOf);
  }

  async list(limit: number): Promise<OutboundRecord[]> {
    const found: OutboundRecord[] = [];
    // DynamoDB rejects Limit 0; asking for nothing gets nothing without a request.
    if (limit <= 0) return found;
    let startKey: Item | undefined;
    do {
      const out = await this.table.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
        'list outbox',
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: INDEXES.outbox,
          KeyConditionExpression: 'gsi2pk = :p',
          ExpressionAttributeValues: { ':p': OUTBOX_PARTITION },
          ScanIndexForward: false,
          ...(Number.isFinite(limit) ? { Limit: limit - found.length } : {}),
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of out.Items ?? []) {
        const record = ledgerRecordOf(item);
        if (record) found.push(record);
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey && found.length < limit);
    return found;
  }

  async record(report: DeliveryReport): Promise<'recorded' | 'unknown'> {
    const out = await this.table.send<{ Items?: Item[] }>(
      'find message by provider id',
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: INDEXES.pending,
        KeyConditionExpression: 'gsi3pk = :p',
        ExpressionAttributeValues: { ':p': providerPartition(report.providerMessageId) },
        Limit: 1,
      }),
    );
    const found = out.Items?.[0];
    if (!found) return 'unknown';
    await this.recordFor(outboundRecordOf(found), report);
    return 'recorded';
  }

  async recordFor(message: Pick<OutboundRecord, 'id' | 'to' | 'channel'>, report: DeliveryReport) {
    if (report.optedOut) await this.guests.setOptOut(message.to, message.channel, true, report.at);
    const earlier = earlierThan(report.status);
    const values: Item = { ':status': report.status, ':at': report.at };
    earlier.forEach((status, i) => {
      values[`:s${i}`] = status;
    });
    const sets = ['#status = :status', 'updatedAt = :at'];
    if (report.error) {
      values[':error'] = report.error;
      sets.push('#error = :error');
    }
    const among = earlier.map((_, i) => `:s${i}`).join(', ');
    // A report older than what is recorded changes nothing, and is still "recorded" (it was ours).
    await this.update(
      'record delivery report',
      message.id,
      `SET ${sets.join(', ')}`,
      values,
      `#status IN (${among})`,
    );
  }

  /** Updates an existing message; false when `condition` fails. */
  private async update(action: string, id: string, expression: string, values: Item, condition?: string) {
    const names: Record<string, string> = {};
    for (const name of expression.match(/#\w+/g) ?? []) names[name] = name.slice(1);
    if (condition) for (const name of condition.match(/#\w+/g) ?? []) names[name] = name.slice(1);
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: outboundKey(id),
          UpdateExpression: expression,
          ConditionExpression: `attribute_exists(pk)${condition ? ` AND ${condition}` : ''}`,
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw toDependencyError(error, action);
    }
  }
}
