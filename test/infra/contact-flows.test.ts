import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ContactFlows } from '../../infra/constructs/contact-flows';
import {
  FlowPlaceholderError,
  readFlowFiles,
  readKnownPlaceholders,
  substitutePlaceholders,
} from '../../infra/constructs/flow-placeholders';
import { flowTypeOfName as flowTypeOf } from '../../local/flow-sim/flow-types';
import { buildStack, FIXTURE_FLOWS } from './support/build-stack';
import { expectFlowJson, flowText } from './support/flow-content';

const INSTANCE = 'arn:aws:connect:us-east-1:111111111111:instance/00000000-0000-4000-8000-000000000000';
const LAMBDA = 'arn:aws:lambda:us-east-1:111111111111:function:ivr';
const QUEUE = `${INSTANCE}/queue/q-fallback`;

// The whole stack on the real flows, built once for the tests that read it.
let real: Template | undefined;
function realStack(): Template {
  real ??= buildStack().template();
  return real;
}

function flowsWithLiteralValues(): Template {
  const stack = new Stack(new App(), 'Flows');
  new ContactFlows(stack, 'Flows', {
    instanceArn: INSTANCE,
    files: readFlowFiles(FIXTURE_FLOWS),
    known: readKnownPlaceholders(join(FIXTURE_FLOWS, 'placeholders.json')),
    values: { IvrLambdaArn: LAMBDA, FallbackQueueArn: QUEUE },
    environmentName: 'dev',
  });
  return Template.fromStack(stack);
}

describe('substitutePlaceholders', () => {
  const known = new Set(['IvrLambdaArn', 'Unset']);

  it('replaces every occurrence and leaves a lone percent sign alone', () => {
    const text = '{"a":"%IvrLambdaArn%","b":"x %IvrLambdaArn% y","c":"100% sure"}';
    expect(JSON.parse(substitutePlaceholders('f', text, known, { IvrLambdaArn: 'ARN' }))).toEqual({
      a: 'ARN',
      b: 'x ARN y',
      c: '100% sure',
    });
  });

  it('names the flow and the placeholder that is not listed', () => {
    expect(() => substitutePlaceholders('inbound', '{"a":"%IvrLamdaArn%"}', known, {})).toThrow(
      'contact flow inbound: unknown placeholder %IvrLamdaArn% (not listed in placeholders.json)',
    );
  });

  it('names a listed placeholder the app has no value for', () => {
    expect(() => substitutePlaceholders('inbound', '{"a":"%Unset%"}', known, { IvrLambdaArn: 'x' })).toThrow(
      /contact flow inbound: placeholder %Unset% has no value in the CDK app \(values for: IvrLambdaArn\)/,
    );
  });

  it('refuses a flow that is not JSON', () => {
    expect(() => substitutePlaceholders('broken', '{"a":', known, {})).toThrow(FlowPlaceholderError);
  });
});

describe('ContactFlows', () => {
  it('deploys each flow file with its placeholders replaced', () => {
    // Prepare
    const content = new Capture();

    // Act
    flowsWithLiteralValues().hasResourceProperties('AWS::Connect::ContactFlow', {
      Name: 'contact-router inbound-ivr (dev)',
      Type: 'CONTACT_FLOW',
      InstanceArn: INSTANCE,
      Content: content,
    });

    // Assess
    expectFlowJson(content.asObject(), {
      Version: '2019-10-30',
      StartAction: 'invoke-ivr',
      Metadata: {},
      Actions: Match.arrayWith([
        Match.objectLike({
          Type: 'InvokeLambdaFunction',
          Parameters: Match.objectLike({ LambdaFunctionARN: LAMBDA }),
        }),
        Match.objectLike({ Type: 'UpdateContactTargetQueue', Parameters: { QueueId: QUEUE } }),
        Match.objectLike({
          Type: 'UpdateContactEventHooks',
          Parameters: {
            EventHooks: {
              CustomerQueue: Match.stringLikeRegexp(
                '^<GetAtt:Flowscustomerqueue[0-9A-F]+\\.ContactFlowArn>$',
              ),
            },
          },
        }),
      ]),
    });
  });

  it('types a flow by its file name', () => {
    flowsWithLiteralValues().hasResourceProperties('AWS::Connect::ContactFlow', {
      Name: 'contact-router customer-queue (dev)',
      Type: 'CUSTOMER_QUEUE',
      Content: Match.serializedJson(Match.objectLike({ StartAction: 'hold' })),
    });
    expect(flowTypeOf('task-handoff')).toBe('CONTACT_FLOW');
  });

  it('stops synthesis naming a misspelt placeholder', () => {
    const noNumbers = (env: Record<string, unknown>) => {
      (env.connect as Record<string, unknown>).phoneNumbers = [];
    };
    expect(() => buildStack({ flowsDir: join(FIXTURE_FLOWS, '../bad-flows'), edit: noNumbers })).toThrow(
      'contact flow task-typo: unknown placeholder %IvrLamdaArn% (not listed in placeholders.json)',
    );
  });

  it('points the real inbound flow at the IVR Lambda, the customer-queue flow and the fallback queue', () => {
    // Prepare
    const content = new Capture();

    // Act
    realStack().hasResourceProperties('AWS::Connect::ContactFlow', {
      Name: 'contact-router main-inbound (dev)',
      Type: 'CONTACT_FLOW',
      Content: content,
    });

    // Assess
    expectFlowJson(content.asObject(), {
      Version: '2019-10-30',
      StartAction: Match.anyValue(),
      Metadata: Match.anyValue(),
      Actions: Match.arrayWith([
        Match.objectLike({
          Type: 'InvokeLambdaFunction',
          Parameters: Match.objectLike({
            LambdaFunctionARN: Match.stringLikeRegexp('^<GetAtt:connectIvrFunction[0-9A-F]+\\.Arn>$'),
          }),
        }),
        Match.objectLike({
          Type: 'UpdateContactEventHooks',
          Parameters: {
            EventHooks: {
              CustomerQueue: Match.stringLikeRegexp(
                '^<GetAtt:Flowscustomerqueue[0-9A-F]+\\.ContactFlowArn>$',
              ),
            },
          },
        }),
        Match.objectLike({
          Type: 'UpdateContactTargetQueue',
          Parameters: {
            QueueId: Match.stringLikeRegexp('^<GetAtt:ContactCenterglobal247queue[0-9A-F]+\\.QueueArn>$'),
          },
        }),
      ]),
    });
    expect(flowText(content.asObject())).not.toMatch(/%[A-Za-z]+%/);
  });

  it('plays the configured hold music prompt in the real customer-queue flow', () => {
    const content = new Capture();
    realStack().hasResourceProperties('AWS::Connect::ContactFlow', {
      Name: 'contact-router customer-queue (dev)',
      Type: 'CUSTOMER_QUEUE',
      Content: content,
    });
    expect(flowText(content.asObject())).toContain(
      '"PromptId": "arn:aws:connect:us-east-1:111111111111:instance/00000000-0000-4000-8000-000000000000/prompt/00000000-0000-4000-8000-0000000000aa"',
    );
  });
});
