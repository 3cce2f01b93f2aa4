import type { Channel } from '../contact';
import { type Messenger, MessengerRefusal, type OutboundMessage, type SentMessage } from './messenger';

/** One Messenger per channel behind one port; a channel with none refuses its messages, naming it. */
export function messengerByChannel(messengers: Partial<Record<Channel, Messenger>>): Messenger {
  return {
    send(message: OutboundMessage): Promise<SentMessage> {
      const messenger = messengers[message.channel];
      if (!messenger)
        return Promise.reject(
          new MessengerRefusal('outbound', `no messenger sends ${message.channel} messages here`),
        );
      return messenger.send(message);
    },
  };
}
