import { type HandOffDeps, handOffDeps } from './contact-center';
import { readHandoffRetrySettings } from './handoff-retry-env';

/** What the retry Lambda runs with: the case store and Connect, and how many contacts one run retries. */
export type HandoffRetryWiring = HandOffDeps & { readonly batch: number };

/** The handoff-retry Lambda's dependencies from its environment, built once at cold start. */
export function wireHandoffRetry(env: NodeJS.ProcessEnv = process.env): HandoffRetryWiring {
  const settings = readHandoffRetrySettings(env);
  return { ...handOffDeps(settings), batch: settings.batch };
}
