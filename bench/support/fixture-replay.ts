// Replays the real samples of a fixtures folder (../shared/fixtures, never copied into the repository):
// emails over SMTP to the running door, Connect and mail events through their Lambda handlers in this
// process (over a local app in memory), flows through the flow validator and simulator.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { DomainError } from '../../functions/domain/errors';
import { createLocalApp } from '../../local/app';
import { readConfig } from '../../local/config';
import { localEmailDeps } from '../../local/doors/email-door';
import { localIvrDeps, readPhoneLines } from '../../local/doors/voice/local-ivr';
import { simulateCall, validateFlow } from '../../local/flow-sim';
import { DoorTally } from './door-tally';
import { sendMime } from './fuzz-doors';

type Json = Record<string, unknown>;
const files = (dir: string) => readdirSync(dir).sort();
const context = {} as Context;

function settle(tally: DoorTally, name: string, error: unknown): void {
  if (error instanceof DomainError) tally.refuse(`${error.code}: ${error.message.slice(0, 70)}`);
  else tally.crash(`${(error as Error).name}: ${(error as Error).message}`, name);
}

async function replayEmails(dir: string, smtpPort: number): Promise<DoorTally> {
  const tally = new DoorTally(`fixtures email/* (${files(dir).length} files) over SMTP`);
  for (const [i, file] of files(dir).entries()) {
    // Each file to its own +tagged address: fixtures sharing a Message-ID are each judged on their own.
    await sendMime(
      tally,
      smtpPort,
      readFileSync(join(dir, file)),
      `support+fixture${i}@contact-router.local`,
      file,
    );
  }
  return tally;
}

async function replayEvents(dir: string): Promise<DoorTally[]> {
  process.env.LOG_LEVEL = 'SILENT';
  // The handlers' logger reads LOG_LEVEL when first imported.
  const { connectIvrHandler } = await import('../../functions/handlers/connect-ivr');
  const { emailInboundHandler } = await import('../../functions/handlers/email-inbound');
  const { storedMailRefs } = await import('../../functions/adapters/email/mail-event');
  const { app, store } = await createLocalApp({ ...readConfig({}), dataDir: 'memory' });
  const mailRoot = mkdtempSync(join(tmpdir(), 'contact-router-fixture-mail-'));
  const ivr = connectIvrHandler(() =>
    localIvrDeps(app.intake, app.queues, readPhoneLines(), 'connect', app.outbound.deliver),
  );
  const inbound = emailInboundHandler(async () => localEmailDeps(app, mailRoot).deps);
  const connect = new DoorTally('fixtures events/*connect* → connect-ivr handler (in process)');
  const mail = new DoorTally(
    'fixtures events/*(ses|s3|sqs)* → email-inbound parsing and handler (in process)',
  );
  try {
    for (const file of files(dir)) {
      const event = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
      if (/connect/i.test(file)) {
        await ivr(event as never, context).then(
          () => connect.accept(),
          (error: unknown) => settle(connect, file, error),
        );
        continue;
      }
      const records = (Array.isArray(event.Records) ? event.Records : []) as Json[];
      const sqs = records.length > 0 && records.every((r) => typeof r.body === 'string');
      try {
        // SQS records carry the S3/SES notification as their body; a bare SES or S3 event is one itself.
        const refs = sqs
          ? records.flatMap((r) => storedMailRefs(String(r.body)))
          : storedMailRefs(JSON.stringify(event));
        if (!sqs) {
          mail.accept();
          continue;
        }
        // The raw mail these notifications name is in no local bucket: each record fails, reported one by one.
        const answer = await inbound(event as never, context);
        const failed = answer.batchItemFailures.length;
        if (failed === 0) mail.accept();
        else
          mail.refuse(
            `${failed} of ${records.length} records reported failed (${refs.length} refs; raw mail not in the local bucket)`,
          );
      } catch (error) {
        settle(mail, file, error);
      }
    }
  } finally {
    await store.close();
    rmSync(mailRoot, { recursive: true, force: true });
  }
  return [connect, mail];
}

async function replayFlows(dir: string): Promise<DoorTally> {
  const tally = new DoorTally('fixtures flows/* → validateFlow + simulateCall');
  const env = {
    invokeLambda: () => ({}),
    queueOpen: () => true,
    agentsStaffed: () => 1,
    flowByArn: () => undefined,
    placeholders: {},
    now: () => new Date('2026-11-23T10:00:00Z'),
  };
  const io = { say: () => {}, ask: () => '1' };
  for (const file of files(dir)) {
    try {
      const flow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
      const problems = validateFlow(flow);
      const result = await simulateCall(flow, env, io, { to: '+33199001100', from: '+33612345678' });
      const end = result.end.kind === 'error' ? `error in ${result.end.actionType}` : result.end.kind;
      const codes = [...new Set(problems.map((p) => p.code))].join(', ');
      tally.acceptAs(
        `${problems.length === 0 ? 'valid' : `problems: ${codes}`}; call ended: ${end} (${file})`,
      );
    } catch (error) {
      settle(tally, file, error);
    }
  }
  return tally;
}

/** Replays every sample of the fixtures folder; undefined when there is none (CI). */
export async function replayFixtures(root: string, smtpPort: number): Promise<DoorTally[]> {
  return [
    await replayEmails(join(root, 'email'), smtpPort),
    ...(await replayEvents(join(root, 'events'))),
    await replayFlows(join(root, 'flows')),
  ];
}
