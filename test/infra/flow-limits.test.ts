import { describe, expect, it } from 'vitest';
import { flowLambdaTimeLimit } from '../../infra/constructs/flow-limits';

const invoke = (arn: string, seconds: unknown) => ({
  Type: 'InvokeLambdaFunction',
  Parameters: { LambdaFunctionARN: arn, InvocationTimeLimitSeconds: seconds },
});
const file = (name: string, ...actions: object[]) => ({ name, text: JSON.stringify({ Actions: actions }) });

describe('flowLambdaTimeLimit', () => {
  it('gives the shortest wait the flows allow the named Lambda, ignoring other Lambdas', () => {
    // Act
    const limit = flowLambdaTimeLimit(
      [
        file('a', invoke('%IvrLambdaArn%', '5'), invoke('%Other%', '1')),
        file('b', invoke('%IvrLambdaArn%', '3')),
      ],
      'IvrLambdaArn',
    );

    // Assess
    expect(limit?.toSeconds()).toBe(3);
    expect(flowLambdaTimeLimit([file('a', invoke('%Other%', '2'))], 'IvrLambdaArn')).toBeUndefined();
  });

  it('stops synthesis on a limit that is not a static whole number, naming the flow', () => {
    expect(() =>
      flowLambdaTimeLimit([file('main', invoke('%IvrLambdaArn%', '$.Attributes.t'))], 'IvrLambdaArn'),
    ).toThrow(
      'contact flow main: InvocationTimeLimitSeconds of a %IvrLambdaArn% call must be a static whole number of seconds, got "$.Attributes.t"',
    );
  });
});
