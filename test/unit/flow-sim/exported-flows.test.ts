// Real flows exported from Connect instances (../shared/fixtures/flows, read in place, never copied):
// Connect accepted each of them, so none may fail a rule that says "Connect rejects this". What the
// validator does report on them is listed here, per flow, with why it is not a Connect error.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type FlowProblem,
  type FlowProblemCode,
  flowFiles,
  flowTypeOfName,
  safeParseFlow,
  validateFlow,
} from '../../../local/flow-sim/index';

const DIR = resolve(
  process.env.FIXTURES_DIR ?? resolve(import.meta.dirname, '../../../../shared/fixtures'),
  'flows',
);

// Rules that stand for "CreateContactFlow / the flow designer refuses this flow".
const CONNECT_REJECTS: readonly FlowProblemCode[] = [
  'invalid-shape',
  'too-many-actions',
  'duplicate-identifier',
  'bad-identifier',
  'unknown-start',
  'unknown-target',
  'missing-next-action',
  'wrong-flow-type',
];

// Why the rest is reported although Connect runs these flows:
// - unsupported-action / unsupported-reference: blocks and data the simulator does not play (Wisdom,
//   views, flow modules, Lex, queue metrics), so a flow using them is not fully checked;
// - missing-error: our flows must branch every error; Connect accepts a block without one and
//   disconnects the contact when it errs;
// - unexpected-error: an error branch the action's reference page does not list (never taken).
const EXPECTED: Record<string, { type: string; problems: Record<string, number> }> = {
  'cdkconstructs-inbound-contact-flow.json': {
    type: 'CONTACT_FLOW',
    problems: { 'unsupported-action CreateWisdomSession': 1, 'unsupported-reference $.Wisdom.SessionArn': 1 },
  },
  'gitlabcicd-acme_customer_queue_AUTO.json': {
    type: 'CUSTOMER_QUEUE',
    problems: { 'unsupported-action MessageParticipantIteratively': 1 },
  },
  'gitlabcicd-acme_main_AUTO.json': {
    type: 'CONTACT_FLOW',
    problems: {
      'missing-error UpdateContactTextToSpeechVoice': 1,
      'unexpected-error UpdateFlowAttributes': 1,
      'unsupported-reference $.AwsRegion': 2,
      'unsupported-action InvokeFlowModule': 1,
      'unsupported-action ConnectParticipantWithLexBot': 1,
    },
  },
  'rulesengine-RulesEngineBootstrap.json': {
    type: 'CONTACT_FLOW',
    problems: { 'missing-error UpdateContactTextToSpeechVoice': 1 },
  },
  'rulesengine-RulesEngineDTMFMenu.json': { type: 'CONTACT_FLOW', problems: {} },
  'rulesengine-RulesEngineQueue.json': {
    type: 'CONTACT_FLOW',
    problems: {
      'missing-error MessageParticipant': 24,
      'unsupported-action GetMetricData': 1,
      'unsupported-reference $.Metrics.Queue.Size': 1,
      'unsupported-reference $.Metrics.Queue.OldestContactAge': 1,
      'unsupported-reference $.CustomerCallBackPhoneNumber': 1,
    },
  },
  'sbsguides-Retail-contactFlow.json': {
    type: 'CONTACT_FLOW',
    problems: {
      'unsupported-action ShowView': 5,
      'unsupported-reference $.Views.ViewResultData.FormData.returnreason': 1,
      'unsupported-reference $.Views.ViewResultData.FormData.paymentreturn': 1,
    },
  },
};

function summary(problems: FlowProblem[], types: Map<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of problems) {
    const detail =
      p.code === 'unsupported-reference'
        ? (p.message.match(/reference (\S+)/)?.[1] ?? '?')
        : (types.get(p.actionId ?? '') ?? '?');
    const key = `${p.code} ${detail}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('the flows exported from real Connect instances', () => {
  it('are all there and all listed here', () => {
    expect(existsSync(DIR), `${DIR} is missing (set FIXTURES_DIR to the shared fixtures)`).toBe(true);
    expect(
      flowFiles([DIR])
        .map((f) => basename(f))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s breaks no rule Connect enforces; the rest is explained', (name) => {
    // Prepare
    const text = readFileSync(resolve(DIR, name), 'utf8');
    const parsed = safeParseFlow(text);
    if (!parsed.ok) throw new Error(`${name} does not parse: ${JSON.stringify(parsed.issues)}`);
    const flowType = parsed.declaredType ?? flowTypeOfName(basename(name, '.json'));
    const types = new Map(parsed.flow.Actions.map((a) => [a.Identifier, a.Type]));

    // Act
    const problems = validateFlow(text, { flowType });

    // Assess
    expect(flowType).toBe(EXPECTED[name]?.type);
    expect(problems.filter((p) => CONNECT_REJECTS.includes(p.code))).toEqual([]);
    expect(summary(problems, types)).toEqual(EXPECTED[name]?.problems);
  });
});
