import {
  type GuestOutboundInput,
  type GuestOutboundSettings,
  guestOutboundEnvironment,
  readGuestOutboundSettings,
} from './guest-outbound-env';
import {
  type ContactCenterInput,
  type ContactCenterSettings,
  contactCenterEnvironment,
  readContactCenterSettings,
} from './shared-env';

/**
 * The connect-events Lambda's settings (functions/handlers/connect-events.ts): written by the CDK app
 * with connectEventsEnvironment(), read once at cold start with readConnectEventsSettings(). The guest
 * outbound part is how the survey reaches the guest of a case Connect resolved.
 */
export interface ConnectEventsSettings extends ContactCenterSettings, GuestOutboundSettings {}

/** What the CDK app knows of the settings; `queuesJson` is CONNECT_QUEUES already serialized (a CDK token). */
export interface ConnectEventsEnvironmentInput extends ContactCenterInput, GuestOutboundInput {}

/** The environment of the connect-events Lambda. */
export function connectEventsEnvironment(settings: ConnectEventsEnvironmentInput): Record<string, string> {
  return { ...contactCenterEnvironment(settings), ...guestOutboundEnvironment(settings) };
}

/** Reads and checks the connect-events Lambda's settings; a missing or malformed one fails the cold start. */
export function readConnectEventsSettings(env: NodeJS.ProcessEnv = process.env): ConnectEventsSettings {
  return { ...readContactCenterSettings(env), ...readGuestOutboundSettings(env) };
}
