import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoGuestAllowance } from '../adapters/dynamodb/outbound-guests';
import { DynamoOutboundLedger } from '../adapters/dynamodb/outbound-ledger';
import type { Channel } from '../domain/contact';
import { createDeliver, type Deliver, type DeliverDeps } from '../domain/outbound/deliver';
import type { OutboundMessage } from '../domain/outbound/messenger';
import type { ContactLog } from '../domain/store-ports';

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

/**
 * The hourly limit of automatic messages per address on each channel: SMS and WhatsApp share one,
 * email has its own; a call's spoken answer is never counted (a caller cannot loop with a machine).
 */
export function automaticPerHour(limits: { messaging: number; email: number }): (channel: Channel) => number {
  return (channel) =>
    channel === 'voice' ? Number.POSITIVE_INFINITY : channel === 'email' ? limits.email : limits.messaging;
}

/**
 * When the guest last wrote on WhatsApp from a message's address: the latest WhatsApp contact from it
 * on the message's case (the window is per conversation, and a case holds the guest's conversation).
 */
export function lastWhatsAppInbound(
  contacts: Pick<ContactLog, 'listContactsOfCase'>,
): (message: OutboundMessage) => Promise<string | undefined> {
  return async (message) => {
    const theirs = (await contacts.listContactsOfCase(message.caseNumber)).filter(
      (c) => c.channel === 'whatsapp' && c.from === message.to,
    );
    return theirs
      .map((c) => c.receivedAt)
      .sort()
      .at(-1);
  };
}
