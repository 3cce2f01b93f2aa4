import { inboundMessageOf, TWILIO_MESSAGING_FIELDS } from '../../adapters/twilio/inbound-message';
import { type SignedRequest, twilioRequestRefusal } from '../../adapters/twilio/signature';
import { twimlResponse } from '../../adapters/twilio/twiml';
import { DependencyError, ValidationError } from '../../domain/errors';
import type { IntakeResult } from '../../domain/intake/intake';
import { type MessageDeps, receiveMessage } from '../../domain/messaging/receive-message';
import { maskPhone } from '../../shared/mask';
import { singleValues } from '../http/form';
import { TEXT_TYPE, TWIML_TYPE, type TwilioAnswer } from '../http/twilio-answer';

/** What one handled webhook call is worth logging: nothing in it is unmasked personal data. */
export interface MessagingLogEntry {
  readonly outcome: IntakeResult['outcome'] | 'forbidden' | 'invalid' | 'unavailable';
  readonly messageSid?: string | undefined;
  readonly channel?: string | undefined;
  readonly from?: string | undefined;
  readonly caseNumber?: string | undefined;
  readonly queue?: string | undefined;
  readonly priority?: number | undefined;
  readonly handoff?: string | undefined;
  /** How the reply went: inline (answered) or suppressed (with the reason). */
  readonly reply?: string | undefined;
  readonly error?: string | undefined;
}

/** What answering a messaging webhook needs: the intake and reply limit, and Twilio's side. */
export interface MessagingDoorDeps extends MessageDeps {
  /** The Twilio auth token (from Secrets Manager in AWS, an env var or file locally). */
  authToken(): Promise<string>;
  /** Scheme and host Twilio called, when not the API's own domain (CloudFront, a tunnel). */
  readonly publicOrigin?: string | undefined;
  log?(entry: MessagingLogEntry): void;
}

/**
 * TwiML that sends `text` back to the sender, or says nothing when there is nothing to say (written
 * by adapters/twilio/twiml.ts: byte for byte what twilio's MessagingResponse writes).
 */
export function messagingTwiml(text: string | undefined): string {
  return twimlResponse(text ? [{ name: 'Message', text }] : []);
}

/**
 * Answers Twilio's inbound messaging webhook: a bad or missing signature is 403 before anything is
 * read or stored; bad parameters are 400 naming the field; otherwise the message goes through the
 * intake once per MessageSid and the answer is TwiML with the acknowledgement (the same TwiML again
 * for a redelivery). A store that cannot be reached is 503, so Twilio tries the number's fallback URL.
 */
export async function answerTwilioMessage(
  deps: MessagingDoorDeps,
  request: SignedRequest,
): Promise<TwilioAnswer> {
  const log = deps.log ?? (() => {});
  try {
    const refusal = twilioRequestRefusal(await deps.authToken(), request);
    if (refusal) {
      log({ outcome: 'forbidden', error: refusal });
      return { status: 403, contentType: TEXT_TYPE, body: refusal };
    }
    const params = singleValues(request.params, TWILIO_MESSAGING_FIELDS);
    const { contact } = inboundMessageOf(params, deps.intake.clock.now().toISOString());
    const { result, answer, delivery } = await receiveMessage(deps, contact);
    const { record } = result;
    log({
      outcome: result.outcome,
      messageSid: contact.channelMessageId,
      channel: contact.channel,
      from: maskPhone(contact.from),
      caseNumber: record.caseNumber,
      queue: record.decision.queue,
      priority: record.decision.priority,
      handoff: result.handoff,
      reply: delivery
        ? [delivery.status, delivery.reason].filter(Boolean).join(': ')
        : record.reply?.reason && `none: ${record.reply.reason}`,
    });
    return { status: 200, contentType: TWIML_TYPE, body: messagingTwiml(answer) };
  } catch (error) {
    if (error instanceof ValidationError) {
      log({ outcome: 'invalid', error: error.message });
      return { status: 400, contentType: TEXT_TYPE, body: error.message };
    }
    if (error instanceof DependencyError) {
      log({ outcome: 'unavailable', error: error.message });
      return { status: 503, contentType: TEXT_TYPE, body: 'temporarily unavailable, please retry' };
    }
    throw error;
  }
}
