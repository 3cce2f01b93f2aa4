import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { OpenCaseSlots } from '../../domain/store-ports';
import { openCaseSlot, openCasesKey } from './keys';
import type { TableClient } from './table-client';
import { gaveUp, isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
const BOOKING = 'BOOKING#';
// A slot can be freed between our failed claim and our read of its holder; then we simply claim again.
const MAX_CLAIM_ROUNDS = 3;

/** Reads an owner's open-case slots (strongly consistent: a claim may have just landed). */
export async function readOpenCases(table: TableClient, ownerKey: string): Promise<OpenCaseSlots> {
  const item = await table.get('find open cases', openCasesKey(ownerKey), true);
  const byBooking: Record<string, string> = {};
  for (const [name, value] of Object.entries(item ?? {}))
    if (name.startsWith(BOOKING) && typeof value === 'string') byBooking[name.slice(BOOKING.length)] = value;
  const none = item?.[openCaseSlot(undefined)];
  return { noBooking: typeof none === 'string' ? none : undefined, byBooking };
}

/**
 * Claims one slot of the owner's item for a case number, unless another case holds it (a settled case
 * it replaces may be taken over); returns the holder. One conditional UpdateItem: the item is created
 * with the first slot, and the other slots are left as they are.
 */
export async function claimOpenCaseSlot(
  table: TableClient,
  ownerKey: string,
  bookingRef: string | undefined,
  caseNumber: string,
  replacing?: string,
): Promise<string> {
  for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
    try {
      await table.client.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: openCasesKey(ownerKey),
          UpdateExpression: 'SET #slot = :mine, #kind = :kind',
          ConditionExpression: `attribute_not_exists(#slot) OR #slot = :mine${replacing ? ' OR #slot = :settled' : ''}`,
          ExpressionAttributeNames: { '#slot': openCaseSlot(bookingRef), '#kind': 'kind' },
          ExpressionAttributeValues: {
            ':mine': caseNumber,
            ':kind': 'open-cases',
            ...(replacing ? { ':settled': replacing } : {}),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return caseNumber;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw toDependencyError(error, 'claim open case');
      // Real DynamoDB hands the item back with the error; dynalite does not, so it is read then.
      const returned = (error as { Item?: Parameters<typeof unmarshall>[0] }).Item;
      const item: Item | undefined = returned
        ? unmarshall(returned)
        : await table.get('claim open case', openCasesKey(ownerKey), true);
      const holder = item?.[openCaseSlot(bookingRef)];
      if (typeof holder === 'string') return holder;
    }
  }
  throw gaveUp('claim open case', 'the slot keeps changing hands');
}
