import { Duration } from 'aws-cdk-lib';
import type { FlowFile } from './flow-placeholders';

interface LambdaAction {
  readonly Type?: string;
  readonly Parameters?: { LambdaFunctionARN?: unknown; InvocationTimeLimitSeconds?: unknown };
}

/**
 * How long the flows wait for a Lambda they invoke through `%Placeholder%`: the shortest
 * `InvocationTimeLimitSeconds` of those InvokeLambdaFunction actions (Connect takes the error branch
 * after it, whatever the Lambda's own timeout). Undefined when no flow invokes it. Read from the flow
 * JSON itself so a limit changed in a flow moves the duration alarm with it. The flow-language page of
 * InvokeLambdaFunction: a static whole number of seconds, from 1 to 8.
 */
export function flowLambdaTimeLimit(files: readonly FlowFile[], placeholder: string): Duration | undefined {
  const limits = files.flatMap((file) => {
    const flow = JSON.parse(file.text) as { Actions?: LambdaAction[] };
    return (flow.Actions ?? [])
      .filter(
        (a) => a.Type === 'InvokeLambdaFunction' && a.Parameters?.LambdaFunctionARN === `%${placeholder}%`,
      )
      .map((a) => {
        const seconds = Number(a.Parameters?.InvocationTimeLimitSeconds);
        if (!Number.isInteger(seconds) || seconds < 1)
          throw new Error(
            `contact flow ${file.name}: InvocationTimeLimitSeconds of a %${placeholder}% call must be a static whole number of seconds, got ${JSON.stringify(a.Parameters?.InvocationTimeLimitSeconds)}`,
          );
        return seconds;
      });
  });
  return limits.length > 0 ? Duration.seconds(Math.min(...limits)) : undefined;
}
