// Shared pieces of the flow-simulator tests: the hand-written flows, a scripted caller and a test world.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AskOptions, CallerIo, FlowEnvironment, FlowLambdaEvent } from '../../../local/flow-sim/index';

/** The folder of the hand-written test flows. */
export const FLOWS_DIR = join(import.meta.dirname, '../../fixtures/flows');

/** A hand-written test flow as a raw JSON value (copy it before changing it). */
export function fixtureFlow(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FLOWS_DIR, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

const CONNECT = 'arn:aws:connect:eu-west-1:111122223333:instance/test';

/** ARNs the test world knows. */
export const ARN = {
  lambda: 'arn:aws:lambda:eu-west-1:111122223333:function:ivr',
  partnerFlow: `${CONNECT}/contact-flow/partner-line`,
  customerQueueFlow: `${CONNECT}/contact-flow/customer-queue`,
  fallbackQueue: `${CONNECT}/queue/fallback-24-7`,
  partnerQueue: `${CONNECT}/queue/partner`,
  frQueue: `${CONNECT}/queue/fr-team`,
};

/** Placeholder values as the CDK app would substitute them. */
export const PLACEHOLDERS = {
  DefaultVoice: 'Joanna',
  IvrLambdaArn: ARN.lambda,
  PartnerFlowArn: ARN.partnerFlow,
  PartnerQueueArn: ARN.partnerQueue,
  CustomerQueueFlowArn: ARN.customerQueueFlow,
  FallbackQueueArn: ARN.fallbackQueue,
};

/** A stand-in IVR Lambda: French loyalty line; booking 1234567890 is confirmed with priority 1. */
export function ivrLambda(event: FlowLambdaEvent): Record<string, string> {
  const p = event.Details.Parameters;
  if (p.step === 'lookup') return { languageCode: 'fr-FR', lineType: 'loyalty', greeting: 'Bonjour' };
  const confirmed = p.booking === '1234567890';
  return {
    status: confirmed ? 'confirmed' : 'unknown',
    priority: confirmed ? '1' : '3',
    queueArn: ARN.frQueue,
  };
}

/** A test world: open queues with staff, the IVR Lambda above, and the partner flow; every part replaceable. */
export function testEnv(
  overrides: Partial<FlowEnvironment> = {},
): FlowEnvironment & { events: FlowLambdaEvent[] } {
  const events: FlowLambdaEvent[] = [];
  return {
    events,
    invokeLambda: (_arn, event) => {
      events.push(event);
      return ivrLambda(event);
    },
    queueOpen: () => true,
    agentsStaffed: () => 2,
    flowByArn: (arn) => (arn === ARN.partnerFlow ? fixtureFlow('partner-line') : undefined),
    placeholders: PLACEHOLDERS,
    now: () => new Date('2026-03-02T10:00:00Z'),
    ...overrides,
  };
}

/** A caller who answers from a script; once the script runs out, every question times out. */
export function scriptedCaller(
  answers: (string | undefined)[],
): CallerIo & { heard: string[]; asked: AskOptions[] } {
  const queue = [...answers];
  const heard: string[] = [];
  const asked: AskOptions[] = [];
  return {
    heard,
    asked,
    say: (text) => {
      heard.push(text);
    },
    ask: (prompt, options) => {
      heard.push(prompt);
      asked.push(options);
      return queue.shift();
    },
  };
}

/** The usual start of a test call: a French number dialled from a known mobile. */
export const START = { to: '+33180000000', from: '+33612345678' };
