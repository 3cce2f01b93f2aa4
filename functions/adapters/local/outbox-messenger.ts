import type { Messenger, OutboundMessage, SentMessage } from '../../domain/outbound/messenger';

/**
 * The local runtime's Messenger for SMS and WhatsApp: sends nothing, so the message is only what the
 * ledger records (`GET /api/outbox`); a real Messenger is injected where one exists.
 */
export class OutboxMessenger implements Messenger {
  async send(message: OutboundMessage): Promise<SentMessage> {
    return { providerMessageId: `outbox:${message.id}`, status: 'sent' };
  }
}
