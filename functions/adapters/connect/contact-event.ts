/**
 * Amazon Connect contact events as EventBridge delivers them (source `aws.connect`, detail-type
 * `Amazon Connect Contact Event`). Recorded events spell the detail's keys in camelCase
 * (`eventType`, `contactId`, `agentInfo.agentArn`); the admin guide's samples in PascalCase
 * (`EventType`, `ContactId`): both are read. Fields we do not use are ignored, as the guide asks
 * ("ignore newly added fields … continue functioning when new event types are introduced").
 */

/** The part of a contact event the case lifecycle uses. */
export interface ConnectContactEvent {
  /** EventBridge's event id: the idempotency key. */
  readonly eventId: string;
  /** When the event happened (EventBridge `time`). */
  readonly time: string;
  /** INITIATED, QUEUED, CONNECTED_TO_AGENT, DISCONNECTED, COMPLETED, … (unknown ones kept as read). */
  readonly eventType: string;
  readonly contactId: string;
  readonly channel?: string | undefined;
  readonly instanceArn?: string | undefined;
  readonly agentArn?: string | undefined;
}

/** Thrown for an event that is not a Connect contact event at all: it belongs in the dead-letter queue. */
export class InvalidContactEventError extends Error {
  constructor(reason: string) {
    super(`not an Amazon Connect contact event: ${reason}`);
    this.name = 'InvalidContactEventError';
  }
}

type Json = Record<string, unknown>;

// The same key in camelCase or PascalCase (e.g. "agentInfo" / "AgentInfo", "instanceArn" / "InstanceARN").
function field(object: Json | undefined, name: string): unknown {
  if (!object) return undefined;
  const wanted = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : object[key];
}

function text(object: Json | undefined, name: string): string | undefined {
  const value = field(object, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function objectAt(object: Json | undefined, name: string): Json | undefined {
  const value = field(object, name);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Reads an EventBridge event as a Connect contact event; throws InvalidContactEventError otherwise. */
export function parseContactEvent(raw: unknown): ConnectContactEvent {
  if (!raw || typeof raw !== 'object') throw new InvalidContactEventError('not a JSON object');
  const envelope = raw as Json;
  if (envelope.source !== 'aws.connect') throw new InvalidContactEventError('source is not aws.connect');
  if (envelope['detail-type'] !== 'Amazon Connect Contact Event')
    throw new InvalidContactEventError(`detail-type is ${JSON.stringify(envelope['detail-type'])}`);
  const detail = objectAt(envelope, 'detail');
  const eventId = text(envelope, 'id');
  const time = text(envelope, 'time');
  const eventType = text(detail, 'eventType');
  const contactId = text(detail, 'contactId');
  if (!eventId || !time || !eventType || !contactId)
    throw new InvalidContactEventError('id, time, detail.eventType or detail.contactId is missing');
  if (Number.isNaN(Date.parse(time))) throw new InvalidContactEventError(`time ${JSON.stringify(time)}`);
  return {
    eventId,
    time: new Date(time).toISOString(),
    eventType,
    contactId,
    channel: text(detail, 'channel'),
    instanceArn: text(detail, 'instanceArn'),
    agentArn: text(objectAt(detail, 'agentInfo'), 'agentArn'),
  };
}

/** The agent's id from an agent ARN (`…:instance/{instance}/agent/{agentId}`), or the ARN itself. */
export function agentIdFromArn(arn: string): string {
  const at = arn.lastIndexOf('/agent/');
  return at >= 0 ? arn.slice(at + '/agent/'.length) : arn;
}

/** The instance id from an instance ARN (`…:instance/{instanceId}`), or undefined. */
export function instanceIdFromArn(arn: string | undefined): string | undefined {
  const match = arn?.match(/:instance\/([^/]+)/);
  return match?.[1];
}
