import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { IntakeSettings, WithContactCenterInput } from '../../functions/wiring/shared-env';
import { telegramWebhookEnvironment } from '../../functions/wiring/telegram-webhook-env';
import type { DeployConfig } from '../config/deploy-config';
import { type ConnectAction, grantConnect, grantTable } from '../constructs/intake-grants';
import { TelegramWebhook } from '../constructs/telegram-webhook';
import type { TwilioWebhookApi } from '../constructs/twilio-webhook-api';
import type { MakeLambda } from './doors';

/** What the Telegram door needs from the doors' wiring. */
export interface TelegramDoorInput {
  readonly config: DeployConfig;
  readonly table: TableV2;
  readonly pinPepper: ISecret;
  /** The intake's settings every door shares (table, Connect, the pepper's secret). */
  readonly intake: WithContactCenterInput<IntakeSettings>;
  readonly lambda: MakeLambda;
  /** The Connect actions of an intake door (a hand-off, a follow-up, the queue's metrics). */
  readonly connectActions: readonly ConnectAction[];
}

/**
 * Telegram's webhook Lambda, only with `telegram` in the deploy config: the intake like Twilio
 * messaging, but its answer goes out by sendMessage inside the call (the Bot API messenger gives up
 * after 8 s), so it gets a little longer than Twilio's doors. It checks PINs (the pepper) and hands
 * off to Connect like the other intake doors.
 */
export function telegramDoorLambda(input: TelegramDoorInput): IFunction | undefined {
  const { config: c } = input;
  if (!c.telegram) return undefined;
  const fn = input.lambda('telegramWebhook', {
    description: 'Telegram Bot API webhook (answers by sendMessage)',
    timeout: Duration.seconds(20),
    environment: telegramWebhookEnvironment({
      ...input.intake,
      botTokenSecret: c.telegram.botTokenSecretName,
      webhookSecret: c.telegram.webhookSecretName,
    }),
  });
  if (!fn) return undefined;
  input.pinPepper.grantRead(fn);
  grantTable(fn, input.table);
  grantConnect(fn, c.connect.instanceArn, [...input.connectActions]);
  return fn;
}

/** Telegram's route on the doors' HTTP API and its secrets' grants, once the API and the Lambda exist. */
export function telegramWebhookRoute(
  scope: Construct,
  c: DeployConfig,
  api: TwilioWebhookApi | undefined,
  fn: IFunction | undefined,
): TelegramWebhook | undefined {
  return api && fn && c.telegram
    ? new TelegramWebhook(scope, 'Telegram', { api: api.api, fn, ...c.telegram })
    : undefined;
}
