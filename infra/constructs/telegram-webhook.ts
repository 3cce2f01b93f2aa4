import { CfnOutput } from 'aws-cdk-lib';
import { type HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge';

/** Path of Telegram's webhook on the doors' HTTP API (the local runtime serves the same path). */
export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

/** Options for the Telegram door in front of its Lambda. */
export interface TelegramWebhookProps {
  /** The doors' HTTP API (the one Twilio calls too). */
  readonly api: HttpApi;
  readonly fn: IFunction;
  /** Secrets Manager names of the bot token and the webhook's secret_token (created outside the stack). */
  readonly botTokenSecretName: string;
  readonly webhookSecretName: string;
}

/**
 * POST /telegram/webhook to the Telegram Lambda, which may read the bot token (sendMessage) and the
 * webhook secret (the X-Telegram-Bot-Api-Secret-Token it checks). The URL is an output: setWebhook is
 * called with it, the same secret and allowed_updates ["message"] (docs/telegram.md).
 */
export class TelegramWebhook extends Construct {
  readonly botToken: ISecret;
  readonly webhookSecret: ISecret;

  constructor(scope: Construct, id: string, props: TelegramWebhookProps) {
    super(scope, id);
    this.botToken = Secret.fromSecretNameV2(this, 'BotToken', props.botTokenSecretName);
    this.webhookSecret = Secret.fromSecretNameV2(this, 'WebhookSecret', props.webhookSecretName);
    const routes = props.api.addRoutes({
      path: TELEGRAM_WEBHOOK_PATH,
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('Integration', props.fn),
    });
    for (const route of routes)
      acknowledge(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'Telegram cannot present an API Gateway authorizer token; the handler rejects (401) every update whose X-Telegram-Bot-Api-Secret-Token is not the secret_token given to setWebhook',
      });
    this.botToken.grantRead(props.fn);
    this.webhookSecret.grantRead(props.fn);
    new CfnOutput(this, 'Url', {
      description: 'setWebhook url (with secret_token and allowed_updates ["message"]: docs/telegram.md)',
      value: `${props.api.apiEndpoint}${TELEGRAM_WEBHOOK_PATH}`,
    });
  }
}
