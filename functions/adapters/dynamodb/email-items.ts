import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MessageClaim, MessageCopy, MessageRef } from '../../domain/email/email-ports';
import { messageIdKey, messageIdKeys } from '../email/message-id-keys';
import { type ItemKey, messageClaimKey, messageRefKey } from './keys';
import type { TableClient } from './table-client';
import { gaveUp } from './translate-error';

type Item = Record<string, unknown>;
const BATCH_WRITE_LIMIT = 25;
// A References header can list hundreds of ids; the most recent ones are the ones that matter.
const MAX_LOOKUP_KEYS = 100;
const MAX_BATCH_ROUNDS = 4;

/**
 * The email half of the CaseStore: message claims and message ids, each stored under its key
 * (adapters/email/message-id-keys.ts: lower-cased, SES's ids by their local part).
 */
export class EmailItems {
  constructor(private readonly table: TableClient) {}

  /** Claims a message copy for a contact, taking over a stale claim under its holder's contact id. */
  async claimMessage(
    message: MessageCopy,
    contactId: string,
    now: Date,
    staleBefore: Date,
  ): Promise<MessageClaim> {
    const idKey = messageIdKey(message.messageId);
    if (!idKey) return { holder: contactId, mine: true };
    const key = messageClaimKey(`${idKey}|${message.recipient}`);
    const claim = (holder: string) => ({
      ...key,
      kind: 'message-claim',
      contactId: holder,
      claimedAt: now.toISOString(),
    });
    const put = await this.table.putUnless(
      'claim message',
      claim(contactId),
      'attribute_not_exists(pk) OR contactId = :mine',
      {
        ':mine': contactId,
      },
    );
    if (put.written) return { holder: contactId, mine: true };
    const holder = put.holder?.contactId;
    const claimedAt = put.holder?.claimedAt;
    if (typeof holder !== 'string') return { holder: contactId, mine: true };
    if (typeof claimedAt !== 'string' || claimedAt >= staleBefore.toISOString())
      return { holder, mine: false };
    // Only one copy takes a stale claim over: the write holds only if nobody renewed it meanwhile.
    const takeover = await this.table.putUnless(
      'take over message claim',
      claim(holder),
      'claimedAt = :seen',
      {
        ':seen': claimedAt,
      },
    );
    return { holder, mine: takeover.written };
  }

  async rememberMessageIds(ids: readonly string[], ref: MessageRef): Promise<void> {
    const items = messageIdKeys(ids).map((key) => ({ ...messageRefKey(key), kind: 'message-id', ...ref }));
    for (let i = 0; i < items.length; i += BATCH_WRITE_LIMIT) {
      let pending: Item[] = items.slice(i, i + BATCH_WRITE_LIMIT).map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; pending.length > 0; round++) {
        if (round >= MAX_BATCH_ROUNDS) throw gaveUp('remember message ids', 'writes left unprocessed');
        const out = await this.table.send<{ UnprocessedItems?: Record<string, Item[]> }>(
          'remember message ids',
          new BatchWriteCommand({ RequestItems: { [this.table.tableName]: pending } }),
        );
        pending = out.UnprocessedItems?.[this.table.tableName] ?? [];
      }
    }
  }

  async findByMessageIds(ids: readonly string[]): Promise<MessageRef | undefined> {
    const wanted = messageIdKeys(ids).slice(0, MAX_LOOKUP_KEYS);
    if (wanted.length === 0) return undefined;
    const found = new Map<string, MessageRef>();
    let pending: ItemKey[] = wanted.map(messageRefKey);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_BATCH_ROUNDS) throw gaveUp('find message ids', 'keys left unprocessed');
      const out = await this.table.send<{
        Responses?: Record<string, Item[]>;
        UnprocessedKeys?: Record<string, { Keys?: ItemKey[] }>;
      }>(
        'find message ids',
        new BatchGetCommand({ RequestItems: { [this.table.tableName]: { Keys: pending } } }),
      );
      for (const item of out.Responses?.[this.table.tableName] ?? []) {
        if (typeof item.caseNumber === 'string' && typeof item.contactId === 'string')
          found.set(String(item.pk), { caseNumber: item.caseNumber, contactId: item.contactId });
      }
      pending = out.UnprocessedKeys?.[this.table.tableName]?.Keys ?? [];
    }
    // BatchGetItem answers in no particular order: the caller's order decides.
    for (const key of wanted) {
      const ref = found.get(messageRefKey(key).pk);
      if (ref) return ref;
    }
    return undefined;
  }
}
