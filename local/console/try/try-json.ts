import { randomUUID } from 'node:crypto';
import type { Channel } from '../../../functions/domain/contact';
import { intake } from '../../../functions/domain/intake/intake';
import type { Language } from '../../../functions/domain/languages';
import { textSent } from '../../../functions/handlers/agent/outbound-view';
import type { LocalApp } from '../../app';
import { parseContactBody } from '../../http/contact-body';
import type { TryResult } from './try-body';

/** A contact for the plain-JSON door (the same Contact every real door produces). */
export interface PlainContact {
  readonly channel: Channel;
  readonly from: string;
  readonly text: string;
  readonly subject?: string | undefined;
  readonly languageHint?: Language | undefined;
  readonly bookingRef?: string | undefined;
  readonly pin?: string | undefined;
}

/** Sends a try-it contact through the plain-JSON door (its checks, then the intake), for channels whose real door is not served. */
export async function tryThroughJsonDoor(
  app: LocalApp,
  contact: PlainContact,
  why = 'this channel’s own door is not served here',
): Promise<TryResult> {
  const parsed = parseContactBody(
    { ...contact, to: 'console', channelMessageId: `console-${randomUUID()}` },
    app.clock.now(),
  );
  const result = await intake(app.intake, parsed);
  const { record } = result;
  const delivery = 'message' in result.plan ? await app.outbound.deliver(result.plan.message) : undefined;
  return {
    door: 'json',
    via: `plain-JSON door (POST /api/contacts): ${why}`,
    contactId: record.id,
    caseNumber: record.caseNumber,
    queue: record.decision.queue,
    priority: record.decision.priority,
    reply: delivery ? await textSent(app.outbound.ledger, record.reply?.messageId) : undefined,
  };
}
