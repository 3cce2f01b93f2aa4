// Blocks that choose the path: checks, loops, transfers and the blocks that end the flow.
import { paramString } from '../parameter-checks';
import { safeParseFlow } from '../parse-flow';
import { type ActionHandler, FlowDefectError, fail, next, result } from '../step';

/** Compare (Check contact attributes): the referenced value, matched against the conditions. */
export const compare: ActionHandler = async (action, { state }) =>
  result(state.resolve(action.Parameters.ComparisonValue));

/** CheckHoursOfOperation: "True" or "False" from the working queue's hours, or the named hours. */
export const checkHours: ActionHandler = async (action, { state, env }) => {
  const hoursId = state.resolve(action.Parameters.HoursOfOperationId);
  try {
    if (hoursId) {
      if (!env.hoursOpen) return fail('NoMatchingError', `no env.hoursOpen to check hours ${hoursId}`);
      return result((await env.hoursOpen(hoursId, env.now())) ? 'True' : 'False');
    }
    if (!state.queue) return fail('NoMatchingError', 'no working queue to check the hours of');
    return result((await env.queueOpen(state.queue.arn, env.now())) ? 'True' : 'False');
  } catch (error) {
    return fail('NoMatchingError', `hours check failed: ${(error as Error).message}`);
  }
};

/** CheckMetricData (Check staffing): the number of agents on the queue, from env.agentsStaffed. */
export const checkMetricData: ActionHandler = async (action, { state, env }) => {
  const metric = paramString(action.Parameters, 'MetricType') ?? '';
  if (!metric.startsWith('NumberOfAgents'))
    throw new FlowDefectError(`MetricType ${metric} is not simulated`);
  const queueArn = state.resolve(action.Parameters.QueueId) ?? state.queue?.arn;
  if (!queueArn) return fail('NoMatchingError', 'no queue to check the staffing of');
  try {
    return result(String(await env.agentsStaffed(queueArn)));
  } catch (error) {
    return fail('NoMatchingError', `staffing check failed: ${(error as Error).message}`);
  }
};

/** Loop: "ContinueLooping" LoopCount times for the same block, then "DoneLooping" once, then it resets. */
export const loop: ActionHandler = async (action, { state, flowName, loopCounters }) => {
  const count = Number(state.resolve(action.Parameters.LoopCount));
  if (!Number.isInteger(count) || count < 0 || count > 100)
    throw new FlowDefectError('LoopCount must be 0–100');
  const key = `${flowName}\u0000${action.Identifier}`;
  const done = loopCounters.get(key) ?? 0;
  if (done < count) {
    loopCounters.set(key, done + 1);
    return result('ContinueLooping');
  }
  loopCounters.delete(key);
  return result('DoneLooping');
};

/** TransferToFlow: continues in the flow env.flowByArn returns (error branch if there is none). */
export const transferToFlow: ActionHandler = async (action, { state, env }) => {
  const arn = state.resolve(action.Parameters.ContactFlowId);
  if (!arn) return fail('NoMatchingError', 'ContactFlowId has no value');
  const document = await env.flowByArn(arn);
  if (document === undefined || document === null) return fail('NoMatchingError', `no flow ${arn}`);
  const parsed = safeParseFlow(document);
  if (!parsed.ok) {
    throw new FlowDefectError(
      `flow ${arn} does not parse: ${parsed.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    );
  }
  return { kind: 'flow', flow: parsed.flow, name: arn };
};

/** TransferContactToQueue: the call ends in the working queue with the contact's priority. */
export const transferToQueue: ActionHandler = async (_action, { state, env }) => {
  if (!state.queue) return fail('NoMatchingError', 'no working queue set');
  if (await env.queueAtCapacity?.(state.queue.arn))
    return fail('QueueAtCapacity', `queue ${state.queue.name} is at capacity`);
  return {
    kind: 'end',
    end: { kind: 'queue', queueArn: state.queue.arn, queueName: state.queue.name, priority: state.priority },
  };
};

/** CreateCallbackContact: records a callback to the contact's callback number; the flow goes on. */
export const createCallback: ActionHandler = async (action, { state }) => {
  const queueArn = state.resolve(action.Parameters.QueueId) ?? state.queue?.arn;
  if (!queueArn) return fail('NoMatchingError', 'no queue for the callback');
  if (!state.callbackNumber)
    return fail('NoMatchingError', 'no callback number (withheld caller id and none set)');
  const delay = Number(paramString(action.Parameters, 'InitialCallDelaySeconds') ?? '0');
  state.callbacks.push({ queueArn, number: state.callbackNumber, initialDelaySeconds: delay });
  return next();
};

/** Wait: the time passes at once (the simulated clock does not move); the result is "WaitCompleted". */
export const wait: ActionHandler = async () => result('WaitCompleted');

/** EndFlowExecution: the flow stops without hanging up (customer-queue and whisper flows). */
export const endFlow: ActionHandler = async () => ({ kind: 'end', end: { kind: 'end-flow' } });
