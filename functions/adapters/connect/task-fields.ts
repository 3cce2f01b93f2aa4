import type { Reference } from '@aws-sdk/client-connect';
import type { HandOff } from '../../domain/ports';
import type { ConnectQueueRef } from './connect-contact-center';

// Longest email address SMTP allows; all references of a task share 4,096 bytes.
const ADDRESS_LIMIT = 320;

/** Task name shown in the agent's CCP (≤ 512 characters). */
export function taskName(h: HandOff): string {
  return `${h.caseNumber} · ${h.topic}${h.urgent ? ' · URGENT' : ''} · ${h.language}`.slice(0, 512);
}

/** Task description: the summary and why it was routed here (≤ 4096 characters). */
export function taskDescription(h: HandOff): string {
  return `${h.summary}\n\nRouting: ${h.reasons.join('; ')}`.slice(0, 4096);
}

/** Contact attributes the task flow reads: string values only, as Connect requires. */
export function taskAttributes(h: HandOff, queue: ConnectQueueRef): Record<string, string> {
  return {
    caseNumber: h.caseNumber,
    contactId: h.contactId,
    channel: h.channel,
    queueId: queue.id,
    queueArn: queue.arn,
    priority: String(h.priority),
    language: h.language,
    topic: h.topic,
    urgent: h.urgent ? 'true' : 'false',
    emergency: h.emergency ? 'true' : 'false',
    // The case's contacts so far: a follow-up on a waiting task updates it (one task per case).
    contactCount: String(h.contactCount),
    verified: h.verified ? 'true' : 'false',
    ...(h.bookingRef ? { bookingRef: h.bookingRef } : {}),
    ...(h.customerName ? { customerName: h.customerName.slice(0, 200) } : {}),
    customerAddress: h.customerAddress.slice(0, ADDRESS_LIMIT),
  };
}

/** References shown as fields on the task. */
export function taskReferences(h: HandOff): Record<string, Reference> {
  return {
    caseNumber: { Type: 'STRING', Value: h.caseNumber },
    receivedAt: { Type: 'STRING', Value: h.receivedAt },
    // The agent answers here: an EMAIL reference is a link in the CCP; numbers stay text.
    customerAddress: {
      Type: h.channel === 'email' ? 'EMAIL' : 'STRING',
      Value: h.customerAddress.slice(0, ADDRESS_LIMIT),
    },
    ...(h.bookingRef ? { bookingRef: { Type: 'STRING', Value: h.bookingRef } } : {}),
  };
}
