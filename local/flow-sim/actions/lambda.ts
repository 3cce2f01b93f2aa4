// InvokeLambdaFunction: builds Connect's ContactFlowEvent, enforces the time limit and checks the answer.
import type { CallState } from '../call-state';
import { paramObject, paramString } from '../parameter-checks';
import { type ActionHandler, fail, next } from '../step';
import type { FlowLambdaEvent } from '../types';

/** Connect's largest accepted Lambda response, in bytes of JSON. */
export const MAX_LAMBDA_RESPONSE_BYTES = 32 * 1024;

const DEFAULT_TIME_LIMIT_SECONDS = 8;

/** The event Connect sends: the contact's data plus the block's resolved invocation attributes. */
export function buildLambdaEvent(state: CallState, parameters: Record<string, string>): FlowLambdaEvent {
  const data = state.referenceData();
  return {
    Name: 'ContactFlowEvent',
    Details: {
      ContactData: {
        Attributes: { ...state.attributes },
        Channel: (state.start.channel ?? 'VOICE') as FlowLambdaEvent['Details']['ContactData']['Channel'],
        ContactId: state.contactId,
        CustomerEndpoint:
          data.CustomerEndpoint as FlowLambdaEvent['Details']['ContactData']['CustomerEndpoint'],
        InitialContactId: state.contactId,
        InitiationMethod: state.start.initiationMethod ?? 'INBOUND',
        InstanceARN: 'arn:aws:connect:eu-west-1:000000000000:instance/flow-simulator',
        LanguageCode: state.languageCode,
        MediaStreams: { Customer: { Audio: null } },
        PreviousContactId: state.contactId,
        Queue: data.Queue,
        SystemEndpoint: data.SystemEndpoint as FlowLambdaEvent['Details']['ContactData']['SystemEndpoint'],
      },
      Parameters: parameters,
    },
  };
}

/**
 * InvokeLambdaFunction: the answer becomes $.External (replacing the previous one). A throw, a timeout,
 * a non-object, a nested value under STRING_MAP or an answer over 32 KB takes the error branch.
 */
export const invokeLambda: ActionHandler = async (action, { state, env, record }) => {
  const p = action.Parameters;
  const arn = state.resolve(p.LambdaFunctionARN);
  if (!arn) return fail('NoMatchingError', 'LambdaFunctionARN has no value');
  const parameters: Record<string, string> = {};
  for (const [key, raw] of Object.entries(paramObject(p, 'LambdaInvocationAttributes'))) {
    const value = state.resolve(raw);
    if (value !== undefined) parameters[key] = value;
  }
  const limitSeconds = Number(paramString(p, 'InvocationTimeLimitSeconds') ?? DEFAULT_TIME_LIMIT_SECONDS);
  const stringMap = paramString(paramObject(p, 'ResponseValidation'), 'ResponseType') !== 'JSON';
  const outcome = await callWithLimit(
    () => env.invokeLambda(arn, buildLambdaEvent(state, parameters)),
    limitSeconds,
  );
  const problem = outcome.ok ? responseProblem(outcome.value, stringMap) : outcome.reason;
  record({ kind: 'lambda', actionId: action.Identifier, arn, parameters, outcome: problem ?? 'ok' });
  if (problem) return fail('NoMatchingError', `Lambda ${arn}: ${problem}`);
  state.external = { ...(outcome.ok ? (outcome.value as Record<string, unknown>) : {}) };
  return next();
};

type Outcome = { ok: true; value: unknown } | { ok: false; reason: string };

async function callWithLimit(call: () => unknown, limitSeconds: number): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `no answer within ${limitSeconds} s` }),
      limitSeconds * 1000,
    );
  });
  const answer = Promise.resolve()
    .then(call)
    .then(
      (value): Outcome => ({ ok: true, value }),
      (error: unknown): Outcome => ({
        ok: false,
        reason: `threw ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function responseProblem(value: unknown, stringMap: boolean): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `answered ${JSON.stringify(value) ?? String(value)}, not an object`;
  }
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_LAMBDA_RESPONSE_BYTES) {
    return `answer is over ${MAX_LAMBDA_RESPONSE_BYTES} bytes`;
  }
  if (stringMap) {
    const bad = Object.entries(value).find(([, v]) => typeof v !== 'string');
    if (bad)
      return `answer is not a flat string map: ${bad[0]} is ${JSON.stringify(bad[1]) ?? typeof bad[1]}`;
  }
  return undefined;
}
