// Places a campaign's calls: contact-flows/main-inbound.json played by the flow simulator against the
// running runtime's Connect IVR endpoint, a scripted caller saying the message's sentence. Replaying a
// call with the same ContactId is Connect invoking the IVR again for the same contact.
import type { PhoneLines } from '../../functions/domain/ivr/phone-lines';
import type { RoutingPolicy } from '../../functions/domain/routing/policy-schema';
import { lineFor, scriptedCaller } from '../../local/console/try/try-call';
import { localFlowEnvironment, readFlow } from '../../local/doors/voice/connect-local';
import { simulateCall } from '../../local/flow-sim';
import { Refused, type Send, withRetries } from './senders';

// A Lambda invocation that meets a stopped runtime is retried (Connect retries throttled and failed
// invocations); what the runtime refuses is an answer the flow takes its error branch on.
async function call<T>(url: string, body?: unknown): Promise<T> {
  return withRetries(async () => {
    const response = await fetch(
      url,
      body === undefined
        ? undefined
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
    const text = await response.text();
    if (response.status >= 500) throw new Error(`${response.status} ${text}`);
    if (!response.ok) throw new Refused(`${response.status} ${text}`);
    return JSON.parse(text) as T;
  }, 'call');
}

/** The ContactId a campaign call is placed under (its redelivery reuses it). */
export function campaignContactId(id: string): string {
  return `call-${id}`;
}

/** Calls from `message.from` saying `message.text` at the topic menu; answers how the call ended. */
export function callSender(baseUrl: () => string, policy: RoutingPolicy, lines: PhoneLines): Send {
  const flow = readFlow('main-inbound');
  const state = (queue: string) =>
    call<{ open: boolean; agentsStaffed: number }>(`${baseUrl()}/connect/queues/${queue}/state`);
  return async (message) => {
    let lastNext = '';
    let language = '';
    const env = localFlowEnvironment(policy, {
      invokeIvr: async (event) => {
        const answer = await call<Record<string, string>>(`${baseUrl()}/connect/ivr`, event);
        lastNext = answer.next ?? '';
        language = answer.language ?? '';
        return answer;
      },
      queueOpen: async (queue) => (await state(queue)).open,
      agentsStaffed: async (queue) => (await state(queue)).agentsStaffed,
      now: () => new Date(),
    });
    const caller = scriptedCaller({ from: message.from, said: message.text });
    const result = await simulateCall(
      flow,
      env,
      {
        say: () => {},
        ask: async (_prompt, options) => {
          const typed = caller(options)?.trim();
          if (!typed) return undefined;
          if (/^[0-9*#\s]+$/.test(typed)) return typed;
          const { keys } = await call<{ keys: string | null }>(`${baseUrl()}/connect/understand`, {
            next: lastNext,
            text: typed,
            language,
          });
          return keys ?? '*';
        },
      },
      { to: lineFor(lines, undefined), from: message.from, contactId: campaignContactId(message.id) },
    );
    const end = result.end;
    if (end.kind === 'error') return `failed in ${end.actionId}: ${end.message}`;
    const ended = end.kind === 'queue' ? `queued ${end.queueName} p${end.priority}` : end.kind;
    return `${ended} case ${result.attributes.caseNumber ?? '-'}`;
  };
}
