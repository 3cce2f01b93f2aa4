import type { LocalApp } from '../app';
import type { LocalConfig } from '../config';
import type { Route } from '../http/router';

/** A running door's handle: lines for the start-up banner and how to stop it. */
export interface StartedDoor {
  readonly banner: readonly string[];
  close(): Promise<void>;
}

/** A channel door of the local runtime: HTTP routes, and optionally a server of its own (SMTP). */
export interface LocalDoor {
  readonly name: string;
  routes(app: LocalApp, config: LocalConfig, publicUrl: () => string): Route[];
  start?(app: LocalApp, config: LocalConfig): Promise<StartedDoor>;
}
