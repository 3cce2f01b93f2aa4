import type { TaskRouterDoorDeps } from '../handlers/twilio-taskrouter';
import { awsSecret } from '../shared/aws-secrets';
import type { CaseMetrics } from '../shared/case-metrics';
import { caseTaskDeps } from './case-tasks';
import { readTwilioTaskRouterSettings } from './twilio-taskrouter-env';

/** The twilio-taskrouter Lambda's dependencies from its environment, built once at cold start. */
export function wireTwilioTaskRouter(
  metrics: CaseMetrics,
  env: NodeJS.ProcessEnv = process.env,
): TaskRouterDoorDeps {
  const settings = readTwilioTaskRouterSettings(env);
  return {
    ...caseTaskDeps(settings, metrics),
    authToken: awsSecret(settings.webhook.authTokenSecret),
    publicOrigin: settings.webhook.publicOrigin,
  };
}
