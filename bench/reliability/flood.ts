// The flood check of the load campaign: many messages from one number on the signed messaging door of an
// in-process runtime, then the case's waiting entries before and after an agent resolves it.
import { countRequests } from '../../functions/adapters/dynamodb/request-counter';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import { LOCAL_TABLES } from '../../local/app';
import { readConfig } from '../../local/config';
import { startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';
import { pool } from '../support/load';

/** What a flood left: its cases, the entries of its case before and after resolving, what was lost. */
export interface FloodCounts {
  readonly messages: number;
  readonly cases: number;
  readonly contactsOnCase: number;
  readonly entriesWhileWaiting: number;
  readonly entriesAfterResolve: number;
  readonly lost: number;
  /** Wall time of the flood itself (the sending, not the checks after it). */
  readonly seconds: number;
  /** Mean time per message over the first and the last tenth of the flood: equal when cost is flat. */
  readonly msPerMessageFirstTenth: number;
  readonly msPerMessageLastTenth: number;
  /** Main-table DynamoDB requests per message (conflict retries included). */
  readonly mainRequestsPerMessage: number;
}

/** One distinct Twilio-shaped MessageSid ("SM" and 32 hex digits) per message of a flood of `total`. */
export function floodSids(total: number): string[] {
  // Zero-padded: padding with 'f' made 15, 255 and 4095 one sid (and 1 the same as 241), so 2,000
  // messages were 1,984 distinct ones, whose 16 repeats the case rightly counted once, as redeliveries.
  return Array.from({ length: total }, (_, i) => `SM${i.toString(16).padStart(32, '0')}`);
}

/** Sends `total` messages from one number, `concurrency` at a time, and counts what is left. */
export async function flood(total: number, concurrency: number): Promise<FloodCounts> {
  const runtime = await startRuntime({
    ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: '2026-11-23T10:00:00+01:00' }),
    dataDir: 'memory',
  });
  try {
    const token = localTwilioAuthToken('memory');
    const url = `${runtime.doorsUrl}/twilio/messaging`;
    const from = '+33699999999';
    const sids = floodSids(total);
    const main = countRequests(runtime.app.dynamoClient, { table: LOCAL_TABLES.main });
    const tenth = Math.max(1, Math.floor(total / 10));
    const doneAt: number[] = [];
    const seconds =
      (await pool(total, concurrency, async (i) => {
        const sid = sids[i] as string;
        const params = {
          MessageSid: sid,
          From: from,
          To: '+33757000000',
          Body: `Allô ? ${sid}`,
          NumMedia: '0',
        };
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': twilioSignatureFor(token, url, params),
          },
          body: new URLSearchParams(params).toString(),
        });
        await response.text();
        doneAt.push(performance.now());
      })) / 1000;
    const mainRequestsPerMessage = main.total() / total;
    main.detach();
    // Completion times in order: the span of the first and of the last tenth of the messages.
    const span = (from: number, to: number) =>
      ((doneAt[to] as number) - (doneAt[from] as number)) / (to - from);
    const { cases, queues } = runtime.app;
    const stored = await Promise.all(sids.map((sid) => cases.getContact(`sms:${sid}`)));
    const numbers = [...new Set(stored.flatMap((record) => (record ? [record.caseNumber] : [])))];
    const entriesOf = async () =>
      Object.values(await queues.listAll())
        .flat()
        .filter((entry) => numbers.includes(entry.caseNumber)).length;
    const entriesWhileWaiting = await entriesOf();
    for (const caseNumber of numbers) {
      const resolved = await fetch(`${runtime.url}/api/cases/${caseNumber}/resolve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agent: 'bench-agent' }),
      });
      if (resolved.status !== 200) throw new Error(`resolve ${caseNumber}: ${resolved.status}`);
    }
    const onCase = numbers[0] ? ((await cases.getCase(numbers[0]))?.contactCount ?? 0) : 0;
    return {
      messages: total,
      cases: numbers.length,
      contactsOnCase: onCase,
      entriesWhileWaiting,
      entriesAfterResolve: await entriesOf(),
      lost: stored.filter((record) => !record).length,
      seconds: Number(seconds.toFixed(1)),
      msPerMessageFirstTenth: Number(span(0, tenth).toFixed(1)),
      msPerMessageLastTenth: Number(span(total - 1 - tenth, total - 1).toFixed(1)),
      mainRequestsPerMessage: Number(mainRequestsPerMessage.toFixed(1)),
    };
  } finally {
    await runtime.close();
  }
}
