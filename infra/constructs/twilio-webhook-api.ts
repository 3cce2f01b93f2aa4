import { CfnOutput } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge';
import { logAndThrottleStage } from './api-access-logs';

/** Options for the Twilio webhooks' HTTP API. */
export interface TwilioWebhookApiProps {
  /** Secrets Manager name of the secret holding the Twilio auth token (created outside the stack). */
  readonly authTokenSecretName: string;
  readonly logRetention: RetentionDays;
  readonly production: boolean;
}

// Twilio retries and bursts (WhatsApp) stay well inside these; a flood from elsewhere does not reach the Lambdas.
const THROTTLE = { rate: 50, burst: 100 };

/**
 * The HTTP API (API Gateway v2) Twilio calls: one route per webhook, each to its door's Lambda. There is
 * no API Gateway authorizer on purpose: Twilio cannot send one, and every handler rejects a request
 * whose X-Twilio-Signature does not match (the auth token comes from Secrets Manager).
 */
export class TwilioWebhookApi extends Construct {
  readonly api: HttpApi;
  readonly authToken: ISecret;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: TwilioWebhookApiProps) {
    super(scope, id);
    this.authToken = Secret.fromSecretNameV2(this, 'AuthToken', props.authTokenSecretName);
    this.api = new HttpApi(this, 'Api', { description: 'Twilio webhooks of the contact router' });
    this.accessLogs = logAndThrottleStage(this, this.api, {
      logRetention: props.logRetention,
      production: props.production,
      throttle: THROTTLE,
    });
    new CfnOutput(this, 'Url', {
      description: 'Base URL for the Twilio webhooks',
      value: this.api.apiEndpoint,
    });
  }

  /** Routes POST <path> to the function and lets it read the auth token. */
  route(path: string, fn: IFunction, methods: readonly HttpMethod[] = [HttpMethod.POST]): void {
    const id = path.replace(/[^A-Za-z0-9]+/g, '-');
    const routes = this.api.addRoutes({
      path,
      methods: [...methods],
      integration: new HttpLambdaIntegration(id, fn),
    });
    for (const route of routes)
      acknowledge(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'Twilio cannot present an API Gateway authorizer token; the handler rejects (403) every request whose X-Twilio-Signature is not the HMAC of the URL and parameters under the auth token',
      });
    this.authToken.grantRead(fn);
  }

  /**
   * Routes a page a guest's browser opens (no Twilio signature, no token grant): `reason` says what
   * authorizes each request instead (e.g. the signed token in the path).
   */
  publicRoute(path: string, fn: IFunction, methods: readonly HttpMethod[], reason: string): void {
    const id = path.replace(/[^A-Za-z0-9]+/g, '-');
    const routes = this.api.addRoutes({
      path,
      methods: [...methods],
      integration: new HttpLambdaIntegration(id, fn),
    });
    for (const route of routes) acknowledge(route, { id: 'AwsSolutions-APIG4', reason });
  }
}
