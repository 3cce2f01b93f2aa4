import type { RoutingPolicy } from '../../functions/domain/routing/policy-schema';
import type { DeployConfig } from '../config/deploy-config';
import type { ContactCenter } from '../constructs/contact-center';
import { pascal } from '../constructs/flow-placeholders';
import type { DoorFunctions } from './doors';

/** Placeholder name → value for the flows: the IVR Lambda, every policy queue, the instance. */
export function flowValues(
  c: DeployConfig,
  policy: RoutingPolicy,
  center: ContactCenter,
  fns: DoorFunctions,
): Record<string, string> {
  const values: Record<string, string> = { InstanceArn: c.connect.instanceArn };
  if (fns.connectIvr) values.IvrLambdaArn = fns.connectIvr.functionArn;
  if (c.connect.holdMusicPromptArn) values.HoldMusicPromptArn = c.connect.holdMusicPromptArn;
  for (const [queueId, queue] of center.queues) values[`${pascal(queueId)}QueueArn`] = queue.attrQueueArn;
  const fallback = center.queues.get(policy.fallbackQueue);
  if (fallback) values.FallbackQueueArn = fallback.attrQueueArn;
  return values;
}
