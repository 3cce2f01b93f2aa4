import type { Channel } from '../contact';

/** A survey waiting for its answer from one address on one channel. */
export interface AwaitedSurvey {
  readonly channel: Channel;
  /** The guest's address the survey went to (E.164 number, email address). */
  readonly address: string;
  readonly caseNumber: string;
  readonly surveyId: string;
  /** After this, a digit from that address is an ordinary message again. */
  readonly expiresAt: string;
}

/** Port: the guests' survey bookkeeping (one conditional write or read each). */
export interface SurveyStore {
  /**
   * Claims the guest's survey slot for `surveyId`, atomically: granted when the guest had no survey
   * since `coolDownSince`, or when this survey already holds it (a retry); false otherwise.
   */
  claimSurvey(ownerKey: string, surveyId: string, at: Date, coolDownSince: Date): Promise<boolean>;
  /** Remembers that a survey awaits an answer from an address (the latest survey to it wins). */
  awaitAnswer(awaited: AwaitedSurvey): Promise<void>;
  /** The survey an address may be answering now, if any and not expired. */
  findAwaited(channel: Channel, address: string, now: Date): Promise<AwaitedSurvey | undefined>;
}
