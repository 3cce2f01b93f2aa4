// An agent answers a Telegram guest through the deployed agent-api handler: the environment the CDK app
// writes with the Telegram bot's token secret, the real case lifecycle and ledger on dynalite, the Bot
// API messenger against a local stand-in for api.telegram.org, the token in mocked Secrets Manager.
import { randomUUID } from 'node:crypto';
import { StopContactCommand } from '@aws-sdk/client-connect';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { telegramAddress } from '../../functions/adapters/telegram/address';
import { caseNumberFor } from '../../functions/domain/intake/case-number';
import { agentApiHandler } from '../../functions/handlers/agent-api';
import { wireAgentApi } from '../../functions/wiring/agent-api';
import { aCase, aContact } from '../integration/builders';
import { agentApiEnv, agentApiEvent, invoke, lambdaClients } from '../support/agent-api-lambda';
import { healthySending, MESSENGERS } from '../support/aws-messengers';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, secretsMock } from '../support/lambda-env';
import { startTelegramApiStandIn, type TelegramApiStandIn } from '../support/telegram-api-stand-in';

const BOT_SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:telegram-bot-AbCdEf';
const BOT_TOKEN = '7000000001:AAH-agent-api-token_0123456789abcdef';
const GUEST_ID = 5550001;

let db: Dynalite;
let bot: TelegramApiStandIn;
let cases: DynamoCaseStore;
let handler: ReturnType<typeof agentApiHandler>;

beforeAll(async () => {
  db = await startDynalite();
  bot = await startTelegramApiStandIn();
  // What stacks/guest-messages.ts writes once the Telegram door is deployed.
  const env = agentApiEnv(
    db,
    { TELEGRAM_API_BASE: bot.url },
    { ...MESSENGERS, telegram: { botTokenSecret: BOT_SECRET } },
  );
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  handler = agentApiHandler(() => wireAgentApi(env, { moved: () => undefined }, lambdaClients(db)));
});
afterAll(async () => {
  await bot.close();
  await db.stop();
});
beforeEach(() => {
  healthySending();
  secretsMock.on(GetSecretValueCommand, { SecretId: BOT_SECRET }).resolves({ SecretString: BOT_TOKEN });
  connectMock.reset();
  connectMock.on(StopContactCommand).resolves({});
  bot.calls.length = 0;
});

const call = async (routeKey: string, caseNumber: string, body: unknown) =>
  invoke(handler, agentApiEvent(routeKey, { caseNumber }, body));

describe('agent replies to a Telegram guest in AWS', () => {
  it('sends the reply to the guest’s chat through the bot, and the survey after resolving', async () => {
    // Prepare: a case an agent holds, opened by a Telegram message
    const at = new Date(Date.now() - 10 * 60_000).toISOString();
    const kase = aCase({
      caseNumber: caseNumberFor(randomUUID(), 0),
      status: 'with_agent',
      language: 'ru',
      queue: 'en-team',
      agentId: 'agent-dewi',
      openedAt: at,
      updatedAt: at,
    });
    const contact = aContact({
      caseNumber: kase.caseNumber,
      channel: 'telegram',
      from: telegramAddress(GUEST_ID),
      receivedAt: at,
    });
    await cases.createCase(kase, contact.id);
    await cases.putContactOnce(contact);

    // Act
    const replied = await call('POST /api/cases/{caseNumber}/replies', kase.caseNumber, {
      agent: 'agent-dewi',
      text: 'Да, заезд с 11:00.',
    });
    const resolved = await call('POST /api/cases/{caseNumber}/resolve', kase.caseNumber, {
      agent: 'agent-dewi',
    });

    // Assess
    expect(replied.status).toBe(201);
    expect(replied.body.message).toMatchObject({ channel: 'telegram', delivery: 'sent' });
    expect(resolved.status).toBe(200);
    // chat_id: "Integer or String" (Bot API, sendMessage); the messenger sends the id as written.
    expect(bot.calls.map((c) => [c.token, c.method, c.body.chat_id])).toEqual([
      [BOT_TOKEN, 'sendMessage', String(GUEST_ID)],
      [BOT_TOKEN, 'sendMessage', String(GUEST_ID)],
    ]);
    expect(bot.calls[0]?.body.text).toBe('Да, заезд с 11:00.');
    expect(bot.calls[1]?.body.text).toContain(kase.caseNumber);
  });
});
