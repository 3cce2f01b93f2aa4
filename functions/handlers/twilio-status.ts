/**
 * Lambda: Twilio's message status callbacks (POST /twilio/status, the StatusCallback of every SMS and
 * WhatsApp message sent) behind the Twilio webhook HTTP API: each signed report is recorded on its
 * message in the outbound ledger (handlers/messaging/answer-status.ts says what is answered when).
 *
 * Environment (functions/wiring/twilio-status-env.ts): TABLE_NAME; TWILIO_AUTH_TOKEN_SECRET (Secrets Manager secret id holding the auth
 * token); PUBLIC_ORIGIN (optional: the origin Twilio calls when not the API's own domain);
 * POWERTOOLS_SERVICE_NAME and LOG_LEVEL for the logger.
 * IAM: DynamoDB read/write on the table (its indexes too: a report finds its message by provider id);
 * secretsmanager:GetSecretValue on the secret.
 */
import { wireTwilioStatus } from '../wiring/twilio-status';
import { twilioStatusHandler } from './messaging/status-lambda';

/** The deployed handler. */
export const handler = twilioStatusHandler(() => wireTwilioStatus());
