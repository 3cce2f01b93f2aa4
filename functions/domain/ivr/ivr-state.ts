import { LOYALTY_TIERS, type LoyaltyTier } from '../booking';
import { TOPICS, type Topic } from '../classification';
import { type Language, toLanguage } from '../languages';

/**
 * What the IVR knows about a call between two questions. The doors keep it where the caller cannot
 * touch it (Connect contact attributes, the Twilio-signed action URL), so every IVR step is stateless.
 * It never holds the PIN.
 */
export interface IvrState {
  /** The caller's language: the dialled line's until the language menu says otherwise. */
  readonly language: Language;
  readonly lineType: 'country' | 'loyalty';
  /** Loyalty lines: the tier routing assumes until a verified booking says otherwise. */
  readonly assumedTier?: LoyaltyTier | undefined;
  readonly topic?: Topic | undefined;
  /** What the caller said when they answered the topic menu by speech. */
  readonly callerSaid?: string | undefined;
  readonly bookingRef?: string | undefined;
  /** Failed tries at the current question (re-prompts). */
  readonly attempts: number;
  /** Wrong PINs in this call (the booking's own lockout counts across calls). */
  readonly pinFailures: number;
  readonly verified: boolean;
  /** Set once the intake decided: the case and where the call goes. */
  readonly caseNumber?: string | undefined;
  readonly queue?: string | undefined;
  readonly priority?: number | undefined;
  readonly expectedMinutes?: number | undefined;
  /** The decision shed the call (a busy queue): the callback is offered as soon as it queues. */
  readonly shed?: boolean | undefined;
  /** When the call was put in its queue (ISO), for the wait announcements. */
  readonly queuedAt?: string | undefined;
}

/** The state as a flat string map (absent values as ""), the shape Connect attributes and URLs carry. */
export function stateToMap(state: IvrState): Record<string, string> {
  return {
    language: state.language,
    lineType: state.lineType,
    assumedTier: state.assumedTier ?? '',
    topic: state.topic ?? '',
    callerSaid: state.callerSaid ?? '',
    bookingRef: state.bookingRef ?? '',
    attempts: String(state.attempts),
    pinFailures: String(state.pinFailures),
    verified: state.verified ? 'true' : 'false',
    caseNumber: state.caseNumber ?? '',
    queue: state.queue ?? '',
    priority: state.priority === undefined ? '' : String(state.priority),
    expectedMinutes: state.expectedMinutes === undefined ? '' : String(state.expectedMinutes),
    shed: state.shed ? 'true' : 'false',
    queuedAt: state.queuedAt ?? '',
  };
}

function oneOf<T extends string>(values: readonly T[], raw: string | undefined): T | undefined {
  return values.find((v) => v === raw);
}

function count(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n < 100 ? n : 0;
}

function optionalNumber(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function text(raw: string | undefined): string | undefined {
  return raw?.trim() ? raw.trim() : undefined;
}

/**
 * Reads the state back from a flat map; anything missing or malformed takes its default, so a
 * contact that reaches a step with odd attributes is still answered rather than dropped.
 */
export function stateFromMap(
  map: Readonly<Record<string, string | undefined>>,
  fallback: Language,
): IvrState {
  return {
    language: toLanguage(map.language) ?? fallback,
    lineType: map.lineType === 'loyalty' ? 'loyalty' : 'country',
    assumedTier: oneOf(LOYALTY_TIERS, map.assumedTier),
    topic: oneOf(TOPICS, map.topic),
    callerSaid: text(map.callerSaid)?.slice(0, 1000),
    bookingRef: text(map.bookingRef),
    attempts: count(map.attempts),
    pinFailures: count(map.pinFailures),
    verified: map.verified === 'true',
    caseNumber: text(map.caseNumber),
    queue: text(map.queue),
    priority: optionalNumber(map.priority),
    expectedMinutes: optionalNumber(map.expectedMinutes),
    shed: map.shed === 'true',
    queuedAt: text(map.queuedAt),
  };
}
