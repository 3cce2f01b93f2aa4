import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoGuestAllowance } from '../adapters/dynamodb/outbound-guests';
import { DynamoOutboundLedger } from '../adapters/dynamodb/outbound-ledger';
import { createDeliver, type Deliver, type DeliverDeps } from '../domain/outbound/deliver';

/** The outbound ledger and guest allowance on a table, and the deliver step over them. */
export interface OutboundParts {
  readonly ledger: DynamoOutboundLedger;
  readonly guests: DynamoGuestAllowance;
  readonly deliver: Deliver;
}

/** Builds the outbound ledger on `table` and deliver with the given Messenger and limits. */
export function outboundParts(
  client: DynamoDBDocumentClient,
  table: string,
  deps: Omit<DeliverDeps, 'ledger' | 'guests'>,
): OutboundParts {
  const guests = new DynamoGuestAllowance(client, table);
  const ledger = new DynamoOutboundLedger(client, table, guests);
  return { ledger, guests, deliver: createDeliver({ ...deps, ledger, guests }) };
}
