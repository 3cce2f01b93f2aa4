import { type SignedRequest, twilioRequestRefusal } from '../../adapters/twilio/signature';
import { readStatusCallback, STATUS_FIELDS } from '../../adapters/twilio/status-callback';
import { DependencyError, ValidationError } from '../../domain/errors';
import type { DeliveryReports } from '../../domain/outbound/messenger';
import type { Clock } from '../../domain/ports';
import { singleValues } from '../http/form';
import { TEXT_TYPE, type TwilioAnswer } from '../http/twilio-answer';

/** What one status callback is worth logging (a message SID and a status: no personal data). */
export interface StatusLogEntry {
  readonly outcome: 'recorded' | 'unknown' | 'ignored' | 'forbidden' | 'invalid' | 'unavailable';
  readonly messageSid?: string | undefined;
  readonly status?: string | undefined;
  readonly error?: string | undefined;
}

/** What the status callback door needs: where reports go, Twilio's auth token, the clock. */
export interface StatusDoorDeps {
  readonly reports: DeliveryReports;
  authToken(): Promise<string>;
  readonly clock: Clock;
  log?(entry: StatusLogEntry): void;
}

const answer = (status: number, body = ''): TwilioAnswer => ({ status, contentType: TEXT_TYPE, body });

/**
 * Answers Twilio's message status callback (POST /twilio/status, the StatusCallback of every message
 * we send). Status callbacks are signed like every Twilio webhook: a bad or missing X-Twilio-Signature,
 * or parameters that re-split what Twilio signed, is 403 before anything is read or recorded. A
 * missing or repeated field is 400 naming it. A status we do not record, or a message we do not know,
 * is 200 and logged (Twilio would only send it again). A store that cannot be reached is 503.
 */
export async function answerTwilioStatus(
  deps: StatusDoorDeps,
  request: SignedRequest,
): Promise<TwilioAnswer> {
  const log = deps.log ?? (() => {});
  try {
    const refusal = twilioRequestRefusal(await deps.authToken(), request);
    if (refusal) {
      log({ outcome: 'forbidden', error: refusal });
      return answer(403, refusal);
    }
    const reading = readStatusCallback(
      singleValues(request.params, STATUS_FIELDS),
      deps.clock.now().toISOString(),
    );
    if ('ignored' in reading) {
      log({ outcome: 'ignored', messageSid: reading.messageSid, error: reading.ignored });
      return answer(200);
    }
    const { report } = reading;
    const outcome = await deps.reports.record(report);
    log({ outcome, messageSid: report.providerMessageId, status: report.status, error: report.error });
    return answer(200);
  } catch (error) {
    if (error instanceof ValidationError) {
      log({ outcome: 'invalid', error: error.message });
      return answer(400, error.message);
    }
    if (error instanceof DependencyError) {
      log({ outcome: 'unavailable', error: error.message });
      return answer(503, 'temporarily unavailable, please retry');
    }
    throw error;
  }
}
