// The flood check of the load campaign: many messages from one number on the signed messaging door of an
// in-process runtime, then the case's waiting entries before and after an agent resolves it.
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
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
    await pool(total, concurrency, async (i) => {
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
    });
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
    };
  } finally {
    await runtime.close();
  }
}
