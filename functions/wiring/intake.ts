import { ConnectClient } from '@aws-sdk/client-connect';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import defaultPolicy from '../../policy/routing-policy.json';
import { DEFAULT_SCRYPT_COST, ScryptPinHasher } from '../adapters/crypto/scrypt-pin-hasher';
import { DynamoBookingStore } from '../adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { IncidentItems } from '../adapters/dynamodb/incident-items';
import { SurveyItems } from '../adapters/dynamodb/survey-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { Classifier } from '../domain/classification';
import { emergencyNotice } from '../domain/classify/emergency-notice';
import type { Channel } from '../domain/contact';
import { ActiveIncidents } from '../domain/incidents/active-incidents';
import type { IntakeDeps } from '../domain/intake/intake';
import { messengerByChannel } from '../domain/outbound/by-channel';
import type { Messenger } from '../domain/outbound/messenger';
import { documentClient } from '../shared/aws-clients';
import { awsPinPepper } from '../shared/aws-secrets';
import { bakedHolidayCalendar } from '../shared/baked-holidays';
import { automaticPerHour, type OutboundParts, outboundParts } from '../shared/outbound';
import { trustedRoutingPolicy } from '../shared/trusted-config';
import { caseTaskItems, connectContactCenter } from './contact-center';
import type { IntakeSettings } from './shared-env';

/** The intake's dependencies, with the DynamoDB case store the email and messaging doors use too. */
export type AwsIntakeDeps = IntakeDeps & { readonly cases: DynamoCaseStore };

/**
 * The intake's dependencies in AWS from its settings, with the door's classifier (passed in, so a
 * keypad-only door does not bundle the text models). The PIN pepper is read from Secrets Manager at the
 * first PIN check and re-read every 5 minutes. The bundled policy is read without zod: the CDK app
 * validated that very file before it let the bundle deploy (infra/bin/app.ts), and computed the
 * holiday calendar baked in beside it.
 */
export function intakeDeps(
  settings: IntakeSettings,
  classifier: Classifier,
  clients: { readonly dynamo: DynamoDBDocumentClient; readonly connect: ConnectClient } = {
    dynamo: documentClient(),
    connect: new ConnectClient({}),
  },
): AwsIntakeDeps {
  const { dynamo, connect } = clients;
  const table = new TableClient(dynamo, settings.tableName);
  const clock = { now: () => new Date() };
  const center = connectContactCenter(settings.connect, connect, caseTaskItems(settings.tableName, dynamo));
  return {
    policy: trustedRoutingPolicy(defaultPolicy, bakedHolidayCalendar()),
    classifier,
    emergencyNotice,
    bookings: new DynamoBookingStore(dynamo, settings.tableName),
    cases: new DynamoCaseStore(dynamo, settings.tableName),
    contactCenter: center,
    pinHasher: new ScryptPinHasher(DEFAULT_SCRYPT_COST, awsPinPepper(settings.pinPepperSecret)),
    clock,
    // A digit from an address a survey awaits is its answer, not a new contact (survey/answer-by-message.ts).
    surveys: new SurveyItems(table),
    // Read whole every few seconds per Lambda instance: a contact or call costs no extra read most of the time.
    incidents: new ActiveIncidents(new IncidentItems(table), clock),
    // Connect's contacts in queue come with the staffing reading (one cached GetCurrentMetricData).
    queueLoad: center,
  };
}

/** The Messengers a Lambda sends through, by channel (none: the answer goes inline in the door's reply). */
export type MessengerMap = Partial<Record<Channel, Messenger>>;

/**
 * Deliver and its ledger for a door Lambda: the intake's case store and clock, `perHour` automatic
 * messages per address on every channel, and `messengers` for what is not answered inline (deliver
 * refuses to send on a channel without one).
 */
export function doorOutbound(
  intake: AwsIntakeDeps,
  tableName: string,
  perHour: number,
  messengers: MessengerMap = {},
): OutboundParts {
  return outboundParts(documentClient(), tableName, {
    messenger: messengerByChannel(messengers),
    cases: intake.cases,
    clock: intake.clock,
    perAddressPerHour: automaticPerHour({ messaging: perHour, email: perHour }),
  });
}
