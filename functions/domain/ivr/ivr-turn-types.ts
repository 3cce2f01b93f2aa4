import type { IntakeDeps } from '../intake/intake';
import type { Deliver } from '../outbound/deliver';
import type { ContactRecord } from '../ports';
import type { IvrState } from './ivr-state';
import type { PhoneLines } from './phone-lines';
import type { Prompt } from './prompt';
import type { VoicePlatform } from './voices';

/** The question a door asks next (or how the call goes on); each has its block in the main flow. */
export type IvrNext =
  | 'greeting'
  | 'language-menu'
  | 'topic-menu'
  | 'booking'
  | 'pin'
  | 'status'
  | 'emergency'
  | 'queue'
  | 'goodbye'
  | 'queued'
  | 'waiting'
  /** The caller took the callback offered while queued: confirmed, the call leaves the queue. */
  | 'callback';

/** The answer being handled: each step is the question the caller has just answered. */
export type IvrStep =
  | 'start'
  | 'language'
  | 'topic'
  | 'booking'
  | 'pin'
  | 'status'
  | 'queued'
  | 'waiting'
  | 'callback';

/** Every IVR step, for parsing what a door was asked to run. */
export const IVR_STEPS: readonly IvrStep[] = [
  'start',
  'language',
  'topic',
  'booking',
  'pin',
  'status',
  'queued',
  'waiting',
  'callback',
];

/** The step that handles the answer to a question (the door's next request after asking it). */
export const STEP_AFTER: Partial<Record<IvrNext, IvrStep>> = {
  'language-menu': 'language',
  'topic-menu': 'topic',
  booking: 'booking',
  pin: 'pin',
  status: 'status',
};

/** One phone call as the IVR sees it. */
export interface IvrCall {
  /** The call's first id (Connect InitialContactId, Twilio CallSid): the case is keyed on it. */
  readonly callId: string;
  /** Caller id in E.164, or null when withheld. */
  readonly from: string | null;
  /** The dialled number. */
  readonly to: string;
}

/** Where calls wait for agents, when the IVR itself must put them there (local runtime). */
export interface CallQueue {
  /** Puts the call's recorded contact in a queue (idempotent per contact). */
  enqueue(record: ContactRecord, queue: string): Promise<void>;
  /** 1-based place of the call in its queue, if known. */
  position?(queue: string, contactId: string): Promise<number | undefined>;
}

/** What the IVR steps need. */
export interface IvrDeps {
  readonly intake: IntakeDeps;
  /** Records the call's spoken answer (the prompt with the case number) as delivered inline. */
  readonly deliver: Deliver;
  readonly lines: PhoneLines;
  readonly platform: VoicePlatform;
  /** Absent where the platform queues the call itself (Connect's TransferContactToQueue, Twilio <Enqueue>). */
  readonly callQueue?: CallQueue | undefined;
}

/** What the door does next: say `prompt` and then ask or act as `next` says. */
export interface IvrTurn {
  readonly next: IvrNext;
  readonly state: IvrState;
  /** Said once before the first question (the call's greeting). */
  readonly greeting?: Prompt | undefined;
  readonly prompt: Prompt;
  /** Said before the call is put in its queue (case number, expected wait). */
  readonly announce: Prompt;
  /** Queue flow only: whether to offer a callback now, and what to say about it. */
  readonly offerCallback?: boolean;
  readonly callbackPrompt?: Prompt;
  readonly callbackConfirm?: Prompt;
}
