// Simulated calls through the real flow JSON with the real IVR Lambda handler in-process, over dynalite.
import { readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import type { IncidentLookup } from '../../functions/domain/incidents/active-incidents';
import { loadPhoneLines } from '../../functions/domain/ivr/phone-lines-schema';
import { isQueueOpen } from '../../functions/domain/routing/hours';
import type { QueueLoad } from '../../functions/domain/routing/queue-load';
import { connectIvrHandler } from '../../functions/handlers/connect-ivr';
import { logger } from '../../functions/shared/logger';
import { demoBookingRows } from '../../local/demo/demo-bookings';
import { localFlowEnvironment, readFlow } from '../../local/doors/voice/connect-local';
import { localIvrDeps } from '../../local/doors/voice/local-ivr';
import { type CallResult, type CallStart, simulateCall } from '../../local/flow-sim';
import { defaultPolicy, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { outboundOver } from '../support/outbound';

/** A demo line per language (policy/phone-lines.json). */
export const LINES = {
  en: '+442079460100',
  fr: '+33199001100',
  de: '+493012345100',
  es: '+34910000100',
  it: '+390600000100',
  pt: '+551130000100',
  nl: '+31200000100',
  zh: '+862100000100',
  ru: '+74950000100',
  id: '+62210000100',
  loyalty: '+442079460999',
} as const;

/** What a test can break in the contact centre the flow sees. */
export interface Faults {
  /** IVR steps whose Lambda invocation throws. */
  failSteps: Set<string>;
  /** Queues Connect reports closed, whatever the policy says. */
  closed: Set<string>;
  /** Queues Connect reports without staff, whatever the local centre says. */
  unstaffed: Set<string>;
}

/** A started IVR test bench. */
export interface IvrHarness {
  readonly h: IntakeHarness;
  readonly faults: Faults;
  /**
   * Plays a flow; answers are given one per question (undefined = silence; a function is asked when the
   * question comes, so a test can hold many calls at one question and answer them together).
   */
  call(
    to: string,
    from: string | null,
    answers: readonly Answer[],
    start?: Partial<CallStart> & { flow?: string },
  ): Promise<CallResult & { heard: string[]; contactId: string }>;
  /** Waits for IVR Lambda invocations still running (ones the simulator stopped waiting for after 8 s). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** One answer to a question: keys or speech, silence, or one given later. */
export type Answer = string | undefined | (() => Promise<string | undefined>);

let calls = 0;

/**
 * Dynalite, the demo bookings, the real IVR handler, the local flow environment (and incidents and the
 * queue load shedding reads, if given).
 */
export async function startIvrHarness(
  now = new Date('2026-11-23T12:00:00Z'),
  incidents?: (h: IntakeHarness) => IncidentLookup,
  queueLoad?: (h: IntakeHarness) => QueueLoad,
): Promise<IvrHarness> {
  logger.setLogLevel('ERROR');
  const h = await startIntakeHarness(now);
  await h.seed(demoBookingRows(now));
  const lines = loadPhoneLines(JSON.parse(readFileSync('policy/phone-lines.json', 'utf8')));
  const intake = {
    ...h.deps,
    ...(incidents ? { incidents: incidents(h) } : {}),
    ...(queueLoad ? { queueLoad: queueLoad(h) } : {}),
  };
  const deps = localIvrDeps(intake, h.center, lines, 'connect', outboundOver(h).deliver);
  const handler = connectIvrHandler(() => deps);
  const faults: Faults = { failSteps: new Set(), closed: new Set(), unstaffed: new Set() };
  // A Lambda the simulator stopped waiting for (8 s) still runs: stopping waits for it, as the store must.
  const running = new Set<Promise<unknown>>();
  const env = localFlowEnvironment(defaultPolicy, {
    invokeIvr: async (event) => {
      if (faults.failSteps.has(String(event.Details.Parameters.step))) throw new Error('Lambda crashed');
      const invocation = handler(event, {} as Context);
      running.add(invocation);
      try {
        return await invocation;
      } finally {
        running.delete(invocation);
      }
    },
    queueOpen: (queue, at) => !faults.closed.has(queue) && isQueueOpen(defaultPolicy, queue, at).open,
    agentsStaffed: async (queue) =>
      faults.unstaffed.has(queue) ? 0 : ((await h.center.staffing())[queue] ?? 1),
    now: () => h.clock.now(),
  });
  return {
    h,
    faults,
    async call(to, from, answers, start = {}) {
      const queue = [...answers];
      const heard: string[] = [];
      const io = {
        say: (text: string) => {
          heard.push(text);
        },
        ask: (prompt: string) => {
          heard.push(prompt);
          const answer = queue.shift();
          return typeof answer === 'function' ? answer() : answer;
        },
      };
      const { flow = 'main-inbound', ...rest } = start;
      calls++;
      const contactId = rest.contactId ?? `call-${calls}-${Date.now()}`;
      const result = await simulateCall(readFlow(flow), env, io, { to, from, ...rest, contactId });
      return { ...result, heard, contactId };
    },
    settled: async () => {
      await Promise.allSettled([...running]);
    },
    stop: async () => {
      await Promise.allSettled([...running]);
      await h.db.stop();
    },
  };
}
