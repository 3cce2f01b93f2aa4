// The deployed Telegram handler as Lambda runs it: API Gateway v2 events, the real DynamoDB adapters
// against dynalite, the answer sent by sendMessage to a local stand-in for api.telegram.org
// (TELEGRAM_API_BASE), and the AWS services that cannot run here (Connect, Secrets Manager) mocked.
import { StartTaskContactCommand } from '@aws-sdk/client-connect';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { SurveyItems } from '../../functions/adapters/dynamodb/survey-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { telegramAddress } from '../../functions/adapters/telegram/address';
import { caseNumberFor } from '../../functions/domain/intake/case-number';
import { handler } from '../../functions/handlers/telegram-webhook';
import { aCase } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { emfOf } from '../support/emf';
import { connectMock, healthyAws, lambdaEnv, secretsMock } from '../support/lambda-env';
import { startTelegramApiStandIn, type TelegramApiStandIn } from '../support/telegram-api-stand-in';

const BOT_SECRET = 'contact-router/test/telegram-bot-token';
const HOOK_SECRET = 'contact-router/test/telegram-webhook-secret';
const BOT_TOKEN = '7000000001:AAH-lambda-token_0123456789abcdef';
const WEBHOOK_TOKEN = 'webhook-secret_0123456789-abcdef';

function event(update: unknown, secret?: string, base64 = false): APIGatewayProxyEventV2 {
  const json = JSON.stringify(update);
  return {
    version: '2.0',
    routeKey: 'POST /telegram/webhook',
    rawPath: '/telegram/webhook',
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
    },
    requestContext: { http: { method: 'POST', path: '/telegram/webhook' } },
    body: base64 ? Buffer.from(json).toString('base64') : json,
    isBase64Encoded: base64,
  } as unknown as APIGatewayProxyEventV2;
}

const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    from: { id: 5123456789, is_bot: false, first_name: 'Emily', language_code: 'en' },
    chat: { id: 5123456789, type: 'private' },
    date: 1795424400,
    text,
  },
});

async function invoke(e: APIGatewayProxyEventV2) {
  return (await handler(e, {} as Context)) as APIGatewayProxyStructuredResultV2;
}

describe('telegram-webhook Lambda handler', () => {
  let db: Dynalite;
  let api: TelegramApiStandIn;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await startDynalite();
    api = await startTelegramApiStandIn();
    const own = { TELEGRAM_BOT_TOKEN_SECRET: BOT_SECRET, TELEGRAM_WEBHOOK_TOKEN_SECRET: HOOK_SECRET };
    Object.assign(
      process.env,
      lambdaEnv(db, {
        ...own,
        TELEGRAM_API_BASE: api.url,
        POWERTOOLS_METRICS_NAMESPACE: 'ContactRouter/test',
      }),
    );
  });
  afterAll(async () => {
    process.env = saved;
    await api.close();
    await db.stop();
  });
  beforeEach(() => {
    healthyAws('unused-twilio-token');
    secretsMock.on(GetSecretValueCommand, { SecretId: BOT_SECRET }).resolves({ SecretString: BOT_TOKEN });
    secretsMock
      .on(GetSecretValueCommand, { SecretId: HOOK_SECRET })
      .resolves({ SecretString: WEBHOOK_TOKEN });
  });

  it('takes an authenticated update, hands it to Connect and answers by sendMessage with the bot token', async () => {
    // Act
    const response = await invoke(
      event(update(1001, 'Hi, can I add airport transfer?'), WEBHOOK_TOKEN, true),
    );
    // Assess
    expect(response).toMatchObject({ statusCode: 200, body: 'new_case' });
    expect(connectMock).toHaveReceivedCommandWith(StartTaskContactCommand, { InstanceId: 'i-1' });
    expect(api.calls.at(-1)).toMatchObject({
      token: BOT_TOKEN,
      method: 'sendMessage',
      body: { chat_id: '5123456789', text: expect.stringMatching(/CR-\w+/) },
    });
  });

  it('refuses an update with another secret (401) before reading it, sending nothing', async () => {
    const calls = api.calls.length;
    const response = await invoke(event(update(1002, 'Hi'), 'guessed'));
    expect(response).toMatchObject({ statusCode: 401, body: 'wrong X-Telegram-Bot-Api-Secret-Token' });
    expect(api.calls.length).toBe(calls);
    expect(connectMock).not.toHaveReceivedCommand(StartTaskContactCommand);
  });

  it('acknowledges an edited message (200) without a case, a task or an answer', async () => {
    const calls = api.calls.length;
    const edited = { update_id: 1003, edited_message: update(1003, 'Hi, edited').message };
    const response = await invoke(event(edited, WEBHOOK_TOKEN));
    expect(response).toMatchObject({ statusCode: 200, body: 'ignored: not a new message (edited_message)' });
    expect(api.calls.length).toBe(calls);
    expect(connectMock).not.toHaveReceivedCommand(StartTaskContactCommand);
  });

  it('records a digit answering the guest’s survey once, writing its CSAT metrics once', async () => {
    // Prepare: Emily's case in the en-team queue, resolved an hour ago, its survey sent on Telegram
    const sentAt = new Date(Date.now() - 3_600_000).toISOString();
    const kase = aCase({
      caseNumber: caseNumberFor('telegram-csat', 0),
      status: 'resolved',
      language: 'en',
      queue: 'en-team',
      resolvedAt: sentAt,
      survey: { id: 'survey-tg', sentAt, channel: 'telegram', to: telegramAddress(5123456789) },
    });
    const cases = new DynamoCaseStore(db.documentClient, db.tables.main);
    await cases.createCase(kase, 'telegram:origin');
    await new SurveyItems(new TableClient(db.documentClient, db.tables.main)).awaitAnswer({
      channel: 'telegram',
      address: telegramAddress(5123456789),
      caseNumber: kase.caseNumber,
      surveyId: 'survey-tg',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const answer = event(update(1004, '5 great help'), WEBHOOK_TOKEN);
    // Act
    const first = await emfOf(() => invoke(answer));
    const again = await emfOf(() => invoke(answer));
    // Assess
    expect((await cases.getCase(kase.caseNumber))?.satisfaction).toMatchObject({ score: 5 });
    expect(first.byMetric.get('SatisfactionScore')).toMatchObject({ Language: 'en', SatisfactionScore: 5 });
    const perQueue = first.lines.filter((l) => l.includes('"SatisfiedAnswers"') && l.includes('"Queue"'));
    expect(perQueue.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ Queue: 'en-team', SatisfiedAnswers: 1 }),
    ]);
    expect(again.lines).toEqual([]);
  });
});
