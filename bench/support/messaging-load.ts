// The messaging load run: conversations of three messages each (sent in order, as a person would),
// some messages redelivered by "Twilio" right after (half in sequence, half at the same moment).
import { isActive } from '../../functions/domain/cases/follow-up';
import { contactIdOf } from '../../functions/domain/intake/intake';
import type { Runtime } from '../../local/runtime';
import { pool } from './load';

/** What the load run counted. */
export interface LoadCounts {
  readonly sent: number;
  readonly distinct: number;
  readonly conversations: number;
  readonly redelivered: number;
  readonly cases: number;
  readonly contacts: number;
  readonly queued: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly mismatchedReplies: number;
  readonly ms: number;
}

type Send = (from: string, body: string, sid?: string) => Promise<string>;
const PER_CONVERSATION = 3;

/** Sends `messages` requests in all (`duplicateShare` of them redeliveries) and counts what was stored. */
export async function runLoad(
  runtime: Runtime,
  send: Send,
  options: { messages: number; duplicateShare: number; concurrency: number },
): Promise<LoadCounts> {
  const redelivered = Math.round(options.messages * options.duplicateShare);
  const distinct = options.messages - redelivered;
  const conversations = Math.ceil(distinct / PER_CONVERSATION);
  // Every k-th distinct message is redelivered; alternate ones race their original.
  const every = distinct / redelivered;
  const chosen = new Set(Array.from({ length: redelivered }, (_, i) => Math.floor(i * every)));
  const sids: string[] = [];
  const owners = new Set<string>();
  let mismatched = 0;
  const ms = await pool(conversations, options.concurrency, async (c) => {
    const from = `+3378${String(c).padStart(7, '0')}`;
    owners.add(from);
    for (let k = 0; k < PER_CONVERSATION; k++) {
      const n = c * PER_CONVERSATION + k;
      if (n >= distinct) return;
      const sid = `SMload${String(n).padStart(26, '0')}`;
      sids.push(sid);
      const text =
        k === 0 ? 'Je voudrais changer les dates de ma réservation' : `Message ${k + 1}, des nouvelles ?`;
      if (!chosen.has(n)) {
        await send(from, text, sid);
      } else if (n % 2 === 0) {
        const [a, b] = await Promise.all([send(from, text, sid), send(from, text, sid)]);
        if (a !== b) mismatched++;
      } else {
        const a = await send(from, text, sid);
        if ((await send(from, text, sid)) !== a) mismatched++;
      }
    }
  });
  const { cases, queues } = runtime.app;
  const stored = await Promise.all(
    sids.map((sid) => cases.getContact(contactIdOf({ channel: 'sms', channelMessageId: sid }))),
  );
  const all = await cases.listCases(1_000_000);
  const loadCases = all.filter((kase) => owners.has(kase.ownerKey) && isActive(kase.status));
  const numbers = new Set(loadCases.map((kase) => kase.caseNumber));
  // One entry per waiting case: entries are counted per case, never per contact.
  const entries = Object.values(await queues.listAll())
    .flat()
    .filter((entry) => numbers.has(entry.caseNumber));
  const entered = new Set(entries.map((entry) => entry.caseNumber));
  return {
    sent: distinct + redelivered,
    distinct,
    conversations,
    redelivered,
    cases: loadCases.length,
    contacts: stored.filter(Boolean).length,
    queued: entries.length,
    lost: stored.filter((record) => !record).length,
    duplicated: entries.length - entered.size,
    mismatchedReplies: mismatched,
    ms,
  };
}
