import type { LocalApp } from '../app';
import type { LocalConfig } from '../config';
import type { Route } from '../http/router';

/** A running door's handle: lines for the start-up banner and how to stop it. */
export interface StartedDoor {
  readonly banner: readonly string[];
  /** Does again work a failure left undone (a send that failed) on the runtime's retry beat; says what it did. */
  retry?(): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * A channel door of the local runtime: its public webhooks, served on the doors' port (the only one a
 * tunnel exposes), its local-only routes on the operator's port, and optionally a server of its own (SMTP).
 */
export interface LocalDoor {
  readonly name: string;
  /** Webhooks the provider calls; `doorsUrl` is the doors listener's own address. */
  publicRoutes?(app: LocalApp, config: LocalConfig, doorsUrl: () => string): Route[];
  /** Routes for local tools only (the flow simulator's Connect stand-ins), behind the operator's checks. */
  operatorRoutes?(app: LocalApp, config: LocalConfig): Route[];
  start?(app: LocalApp, config: LocalConfig): Promise<StartedDoor>;
}
