// `npm run email -- file.eml [more.eml…]`: sends saved messages over SMTP to the local door, as a mail
// server would, and prints what became of each (case, acknowledgement or why none).
import { readFile } from 'node:fs/promises';
import { LOCAL_EMAIL } from '../doors/email-door';
import { sendRaw } from './email-send';
import { findRuntime } from './find-runtime';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error(
    'usage: npm run email -- <file.eml> [more.eml…]   (SMTP_HOST, SMTP_PORT, EMAIL_TO to change where)',
  );
  process.exit(2);
}
// The port the running runtime's door took (its runtime file says), unless told otherwise.
const runtime = process.env.SMTP_PORT ? undefined : await findRuntime();
const target = {
  host: process.env.SMTP_HOST ?? '127.0.0.1',
  port: Number(process.env.SMTP_PORT || (runtime?.smtpPort ?? LOCAL_EMAIL.port)),
  to: process.env.EMAIL_TO ?? process.env.EMAIL_FROM ?? LOCAL_EMAIL.from,
};
let failed = 0;
for (const file of files) {
  try {
    console.log(`${file}: ${await sendRaw(await readFile(file), target)}`);
  } catch (error) {
    failed++;
    const code = (error as { code?: string }).code;
    const hint =
      code === 'ESOCKET' || code === 'ECONNECTION'
        ? ` (smtp://${target.host}:${target.port}; is \`npm start\` running?)`
        : '';
    console.error(`${file}: ${(error as Error).message}${hint}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
