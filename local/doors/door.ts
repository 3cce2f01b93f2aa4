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

/** A channel door of the local runtime: HTTP routes, and optionally a server of its own (SMTP). */
export interface LocalDoor {
  readonly name: string;
  routes(app: LocalApp, config: LocalConfig, publicUrl: () => string): Route[];
  start?(app: LocalApp, config: LocalConfig): Promise<StartedDoor>;
}
