// Emails per second through the local email door: SMTP in, raw file kept, parse, classify, route, store,
// acknowledge (.eml outbox), with the same SMTP client against a bare smtp-server that accepts and discards
// in the same run, as the transport's ceiling. Prints figures; asserts nothing.
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { readConfig } from '../local/config';
import { emailDoorAddress } from '../local/doors/email-door';
import { startRuntime } from '../local/runtime';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.SMTP_PORT = '0';
process.env.EMAIL_ACKS_PER_SENDER_PER_HOUR = '1000000';

const MESSAGES = Number(process.env.BENCH_EMAILS ?? 400);
const TEXTS = [
  'Bonjour, la réception sera-t-elle ouverte après minuit ? Réservation 1000000016.',
  'Hello, I was charged twice for my booking, can you refund one payment?',
  'Hallo, kann ich mein Zimmer auf nächste Woche verschieben?',
  'Hola, ¿puedo añadir el desayuno a mi reserva?',
  '您好，我的预订今天入住，酒店说没有房间了。',
  'Здравствуйте, хочу отменить бронирование.',
];

function message(i: number) {
  return {
    from: `guest${i}@example.com`,
    to: 'support@contact-router.local',
    subject: `Question ${i}`,
    text: `${TEXTS[i % TEXTS.length]}\n\n-- \nGuest ${i}`,
    messageId: `<bench-${i}-${Date.now()}@example.com>`,
  };
}

async function throughput(port: number, concurrency: number, offset: number): Promise<number> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: concurrency,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  const started = performance.now();
  await Promise.all(Array.from({ length: MESSAGES }, (_, i) => transport.sendMail(message(offset + i))));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return MESSAGES / seconds;
}

// The peer: accepts every message and throws it away.
const bare = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => callback());
  },
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', () => resolve()));
const barePort = (bare.server.address() as { port: number }).port;

const runtime = await startRuntime({ ...readConfig({ PORT: '0', SEED_DEMO: 'true' }), dataDir: 'memory' });
const doorPort = emailDoorAddress(runtime.banner)?.port ?? Number.NaN;

// Warm up the JIT, the classifier and the store.
await throughput(doorPort, 4, 1_000_000);
console.log(`${MESSAGES} distinct emails per run, each a new case with an acknowledgement; emails/s`);
for (const concurrency of [1, 4, 16]) {
  const door = await throughput(doorPort, concurrency, concurrency * 10_000);
  const ceiling = await throughput(barePort, concurrency, concurrency * 10_000);
  console.log(
    `concurrency ${String(concurrency).padStart(2)}: door ${door.toFixed(0).padStart(5)}   bare smtp-server ${ceiling.toFixed(0).padStart(5)}   (door is ${((door / ceiling) * 100).toFixed(1)}% of the transport ceiling)`,
  );
}
await runtime.close();
await new Promise<void>((resolve) => bare.close(() => resolve()));
