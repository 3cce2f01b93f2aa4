/**
 * Lambda: Telegram's Bot API webhook (POST /telegram/webhook) behind an API Gateway HTTP API (v2).
 *
 * Environment: the intake's (TABLE_NAME, CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID, CONNECT_QUEUES,
 * PIN_PEPPER_SECRET: shared/aws-intake.ts) and the door's own (functions/wiring/telegram-webhook-env.ts:
 * TELEGRAM_BOT_TOKEN_SECRET, TELEGRAM_WEBHOOK_TOKEN_SECRET, MESSAGING_REPLIES_PER_SENDER_PER_HOUR);
 * POWERTOOLS_SERVICE_NAME, LOG_LEVEL and POWERTOOLS_METRICS_NAMESPACE for logs and metrics.
 * IAM: DynamoDB read/write on the table, connect:StartTaskContact, connect:UpdateContactRoutingData,
 * connect:UpdateContactAttributes, connect:GetCurrentMetricData on the instance,
 * secretsmanager:GetSecretValue on the two Telegram secrets and the PIN pepper.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { SECRET_TOKEN_HEADER } from '../adapters/telegram/secret-token';
import { CaseMetrics, withAnswers } from '../shared/case-metrics';
import { logger } from '../shared/logger';
import { ContactMetrics, publishMetrics, withMetrics } from '../shared/metrics';
import { wireTelegramWebhook } from '../wiring/telegram-webhook';
import { answerTelegramUpdate, type TelegramDoorDeps } from './telegram/answer-update';

function bodyOf(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * Builds the handler around a deps factory, called once per cold start (tests pass their own). New
 * contacts go to `metrics`, survey answers to `answers` (CSAT per queue and language).
 */
export function telegramWebhookHandler(
  makeDeps: () => TelegramDoorDeps,
  metrics = new ContactMetrics(),
  answers = new CaseMetrics(),
) {
  let deps: TelegramDoorDeps | undefined;
  return middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    if (!deps) {
      const made = makeDeps();
      deps = { ...made, intake: withAnswers(withMetrics(made.intake, metrics), answers) };
    }
    const answer = await answerTelegramUpdate(deps, {
      // API Gateway v2 lower-cases header names.
      secretToken: event.headers?.[SECRET_TOKEN_HEADER],
      body: bodyOf(event),
    });
    return {
      statusCode: answer.status,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: answer.body,
    };
  }).use(publishMetrics(metrics, answers));
}

/** The deployed handler. */
export const handler = telegramWebhookHandler(() =>
  wireTelegramWebhook(process.env, (entry) => logger.info('telegram update', { ...entry })),
);
