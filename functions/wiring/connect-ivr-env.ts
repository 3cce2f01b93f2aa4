import {
  type IntakeSettings,
  intakeEnvironment,
  readIntakeSettings,
  readRepliesLimit,
  repliesLimitEnvironment,
  type WithContactCenterInput,
} from './shared-env';
import { loyaltyLinesEnvironment, readLoyaltyLines } from './voice-env';

/** The connect-ivr Lambda's settings (functions/handlers/connect-ivr.ts). */
export interface ConnectIvrSettings extends IntakeSettings {
  /** E.164 numbers that are loyalty lines, on top of policy/phone-lines.json. */
  readonly loyaltyLines: readonly string[];
  /** The automatic-reply limit deliver applies (a spoken answer is never counted). */
  readonly repliesPerSenderPerHour: number;
}

/** What the CDK app gives: the loyalty lines serialized (tokens), the limit optional. */
export type ConnectIvrInput = WithContactCenterInput<IntakeSettings> & {
  readonly loyaltyLinesJson: string;
  readonly repliesPerSenderPerHour?: number;
};

/** The environment of the connect-ivr Lambda. */
export function connectIvrEnvironment(input: ConnectIvrInput): Record<string, string> {
  return {
    ...intakeEnvironment(input),
    ...loyaltyLinesEnvironment(input.loyaltyLinesJson),
    ...repliesLimitEnvironment(input.repliesPerSenderPerHour),
  };
}

/** Reads and checks the connect-ivr Lambda's settings; a missing or malformed one fails the cold start. */
export function readConnectIvrSettings(env: NodeJS.ProcessEnv = process.env): ConnectIvrSettings {
  return {
    ...readIntakeSettings(env),
    loyaltyLines: readLoyaltyLines(env),
    repliesPerSenderPerHour: readRepliesLimit(env),
  };
}
