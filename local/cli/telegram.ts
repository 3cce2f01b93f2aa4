// `npm run telegram -- --from 123456789 --text "…"`: sends a Bot API update, authenticated with the
// runtime's webhook secret (X-Telegram-Bot-Api-Secret-Token) like Telegram would, to the running local
// runtime, then prints what the guest got back (read from the outbox).
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { TELEGRAM_PATH } from '../doors/telegram-door';
import { readTelegramWebhookSecret, telegramSecretFile } from '../telegram';
import { newUpdateId, telegramUpdateJson } from '../telegram-update';
import { type FoundRuntime, findRuntime, whereLooked } from './find-runtime';

const USAGE = `usage: npm run telegram -- --from <telegram user id> --text "text" [--name "First name"]
                         [--language fr] [--share-phone +33612345678] [--update-id N] [--url <the doors' address>]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      text: { type: 'string' },
      name: { type: 'string', default: 'Guest' },
      language: { type: 'string' },
      'share-phone': { type: 'string' },
      'update-id': { type: 'string' },
      url: { type: 'string' },
    },
  });
  const id = Number(values.from);
  if (!values.from || !Number.isSafeInteger(id) || id < 1) fail('--from must be a Telegram user id (digits)');
  const phone = values['share-phone'];
  if (!values.text && !phone) fail('--text (or --share-phone) is required');
  if (phone && !/^\+?[1-9]\d{6,14}$/.test(phone)) fail('--share-phone must be a number like +33612345678');
  const updateId = values['update-id'] ? Number(values['update-id']) : newUpdateId();
  if (!Number.isSafeInteger(updateId) || updateId < 0) fail('--update-id must be a whole number');
  const runtime = await findRuntime();
  if (!runtime && !values.url)
    fail(`cannot find a running runtime (is \`npm start\` running?): ${whereLooked()}`);
  const base = (values.url ?? runtime?.doorsUrl ?? '').replace(/\/$/, '');
  const body = telegramUpdateJson(
    { id, firstName: values.name, languageCode: values.language },
    { text: values.text, sharePhone: phone },
    updateId,
    new Date(),
  );
  let response: Response;
  try {
    response = await fetch(`${base}${TELEGRAM_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secretOf(runtime) },
      body,
    });
  } catch (error) {
    fail(`cannot reach ${base}${TELEGRAM_PATH} (is \`npm start\` running?): ${(error as Error).message}`);
  }
  const said = await response.text();
  if (response.status === 401) {
    console.error(
      `401 from ${base}${TELEGRAM_PATH}: ${said}. Start the runtime and this command with the same TELEGRAM_WEBHOOK_SECRET, or run this command with the runtime's DATA_DIR.`,
    );
    process.exit(1);
  }
  console.log(`${response.status} update ${updateId}: ${said}`);
  if (!response.ok) process.exit(1);
  const answer = runtime ? await answerOf(runtime, `telegram:${updateId}:ack`) : undefined;
  if (answer) console.log(answer);
}

// TELEGRAM_WEBHOOK_SECRET, else the secret the runtime generated in its data folder; never a new one.
function secretOf(runtime: FoundRuntime | undefined): string {
  const dataDir = runtime?.dataDir ?? readConfig().dataDir;
  const secret = readTelegramWebhookSecret(dataDir);
  if (secret) return secret;
  if (dataDir === 'memory')
    fail(
      'the runtime keeps its Telegram webhook secret in memory (DATA_DIR=memory): start it and this command with the same TELEGRAM_WEBHOOK_SECRET',
    );
  fail(`no webhook secret in ${telegramSecretFile(dataDir)}: set TELEGRAM_WEBHOOK_SECRET to the runtime's`);
}

// The door answers Telegram with a status only; the guest's answer went out through deliver.
async function answerOf(runtime: FoundRuntime, id: string): Promise<string | undefined> {
  const response = await fetch(`${runtime.url}/api/outbox?limit=50`).catch(() => undefined);
  if (!response?.ok) return undefined;
  const { messages } = (await response.json()) as {
    messages: { id: string; text: string; delivery: string; reason?: string; askForPhone?: boolean }[];
  };
  const message = messages.find((m) => m.id === id);
  if (!message) return undefined;
  const button = message.askForPhone ? '\n[button: share my phone number]' : '';
  return `${message.delivery}${message.reason ? ` (${message.reason})` : ''}: ${message.text}${button}`;
}

main().catch((error: unknown) => fail(String(error)));
