import { RemovalPolicy } from 'aws-cdk-lib';
import type { CfnStage, HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** How an HTTP API's default stage logs and throttles. */
export interface ApiStageSettings {
  readonly logRetention: RetentionDays;
  readonly production: boolean;
  /** Fields logged besides the request's id, time, route, status, latency and integration error. */
  readonly extraFields?: Readonly<Record<string, string>> | undefined;
  readonly throttle: { readonly rate: number; readonly burst: number };
}

/**
 * Gives an HTTP API's default stage JSON access logs (in `scope`'s "AccessLogs" group) and throttling.
 * Fields are $context variables of API Gateway's "Customize HTTP API access logs"; an unset one logs "-".
 * No request body and no caller number is ever logged: the request id ties a line to the handler's logs.
 */
export function logAndThrottleStage(scope: Construct, api: HttpApi, settings: ApiStageSettings): LogGroup {
  const logs = new LogGroup(scope, 'AccessLogs', {
    retention: settings.logRetention,
    removalPolicy: settings.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const stage = api.defaultStage?.node.defaultChild as CfnStage;
  stage.accessLogSettings = {
    destinationArn: logs.logGroupArn,
    format: JSON.stringify({
      requestId: '$context.requestId',
      time: '$context.requestTime',
      route: '$context.routeKey',
      status: '$context.status',
      latencyMs: '$context.responseLatency',
      ...settings.extraFields,
      integrationError: '$context.integrationErrorMessage',
    }),
  };
  stage.defaultRouteSettings = {
    throttlingRateLimit: settings.throttle.rate,
    throttlingBurstLimit: settings.throttle.burst,
  };
  return logs;
}
