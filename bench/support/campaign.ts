// A reliability campaign's traffic: conversations over several doors, some messages redelivered, and
// the check of what the runtime stored against what was sent.
import { isActive } from '../../functions/domain/cases/follow-up';
import type { ContactRecord } from '../../functions/domain/ports';
import type { AuditReport } from './audit';
import { pool } from './load';
import type { Send } from './senders';

/** A door a campaign sends through: its driver and how its message ids become contact ids. */
export interface Channel {
  readonly name: string;
  readonly send: Send;
  contactIdOf(messageId: string): string;
  /** A sender address for conversation n (distinct per conversation: one case each). */
  senderOf(n: number): string;
  /** The text of message k of a conversation. */
  textOf(k: number): string;
  /**
   * Whether a redelivery may arrive while the first copy is still being handled (Twilio, Connect), or
   * only after the first attempt ended (a mail server retries what got no answer or a 4xx).
   */
  readonly concurrentRedelivery: boolean;
}

/** One guest writing or calling several times on one door. */
export interface Conversation {
  readonly channel: Channel;
  readonly from: string;
  readonly messageIds: readonly string[];
}

/** What was sent and what came back. */
export interface Played {
  readonly conversations: readonly Conversation[];
  readonly sent: number;
  readonly redelivered: number;
  /** The first answer to each message. */
  readonly replies: ReadonlyMap<string, string>;
  /** Redeliveries answered differently from the first time. */
  readonly mismatched: number;
  readonly ms: number;
}

/** Plans `total` requests over the channels in turn: conversations of `perConversation` messages. */
export function planConversations(
  channels: readonly Channel[],
  total: number,
  duplicateShare: number,
  perConversation = 3,
  runId = Date.now().toString(36),
): { conversations: Conversation[]; redeliver: Set<string> } {
  const distinct = total - Math.round(total * duplicateShare);
  const conversations: Conversation[] = [];
  for (let n = 0, made = 0; made < distinct; n++) {
    const channel = channels[n % channels.length] as Channel;
    const count = Math.min(perConversation, distinct - made);
    const messageIds = Array.from({ length: count }, (_, k) => `${runId}x${n}x${k}`);
    conversations.push({ channel, from: channel.senderOf(n), messageIds });
    made += count;
  }
  const all = conversations.flatMap((c) => c.messageIds);
  const every = all.length / Math.max(1, total - distinct);
  const redeliver = new Set(
    Array.from({ length: total - distinct }, (_, i) => all[Math.floor(i * every)] as string),
  );
  return { conversations, redeliver };
}

/** Plays the conversations from `concurrency` workers; redeliveries race or follow their original. */
export async function play(
  plan: { conversations: Conversation[]; redeliver: Set<string> },
  concurrency: number,
  onSent: (sent: number) => void = () => {},
): Promise<Played> {
  const replies = new Map<string, string>();
  let mismatched = 0;
  let sent = 0;
  const ms = await pool(plan.conversations.length, concurrency, async (i) => {
    const { channel, from, messageIds } = plan.conversations[i] as Conversation;
    for (const [k, id] of messageIds.entries()) {
      const message = { id, from, text: channel.textOf(k) };
      if (!plan.redeliver.has(id)) {
        replies.set(id, await channel.send(message));
        onSent(++sent);
        continue;
      }
      const [a, b] =
        k % 2 === 0 && channel.concurrentRedelivery
          ? await Promise.all([channel.send(message), channel.send(message)])
          : [await channel.send(message), await channel.send(message)];
      replies.set(id, a);
      sent += 2;
      onSent(sent);
      if (a !== b) mismatched++;
    }
  });
  return {
    conversations: plan.conversations,
    sent,
    redelivered: plan.redeliver.size,
    replies,
    mismatched,
    ms,
  };
}

type Counts = Record<string, number>;

// Counts for some conversations, by the one-entry-per-case rule: every waiting case of the campaign has
// exactly one queue entry (or a contact waiting for a hand-off retry), no other case has one. Duplicates
// are looked for three ways: more entries than waiting cases, more active cases than senders, more
// contacts on cases than sent.
function countsOf(conversations: readonly Conversation[], played: Played, report: AuditReport): Counts {
  const refs = conversations.flatMap((c) => c.messageIds.map((id) => c.channel.contactIdOf(id)));
  const owners = new Set(conversations.map((c) => c.from));
  const cases = report.cases.filter((kase) => owners.has(kase.ownerKey));
  const caseNumbers = new Set(cases.map((kase) => kase.caseNumber));
  const activeCases = cases.filter((kase) => isActive(kase.status)).length;
  const waiting = cases.filter((kase) => ['open', 'new', 'waiting'].includes(kase.status));
  const records = refs.map((ref) => report.contacts.get(ref));
  const ids = new Set(records.flatMap((record) => (record ? [record.id] : [])));
  const entries = report.queued.filter((entry) => caseNumbers.has(entry.caseNumber));
  const entered = new Set(entries.map((entry) => entry.caseNumber));
  const retrying = new Set(
    records.flatMap((record) => (record && report.pendingIds.has(record.id) ? [record.caseNumber] : [])),
  );
  // A waiting case with neither an entry nor a hand-off to retry: agents will never see it.
  const unqueued = waiting.filter((kase) => !entered.has(kase.caseNumber) && !retrying.has(kase.caseNumber));
  const onCases = cases.reduce((sum, kase) => sum + kase.contactCount, 0);
  // A reply planned as none (machine mail) counts as suppressed; the others as the ledger recorded them.
  const statusOf = (reply: ContactRecord['reply']) =>
    reply?.messageId ? report.deliveries.get(reply.messageId) : reply && 'suppressed';
  const delivery = (d: string) => records.filter((record) => statusOf(record?.reply) === d).length;
  const answered = conversations
    .flatMap((c) => c.messageIds.map((id) => played.replies.get(id) ?? ''))
    .filter((reply) => reply !== '' && !reply.startsWith('failed'));
  return {
    messages: refs.length,
    contacts: ids.size,
    cases: activeCases,
    waitingCases: waiting.length,
    contactsOnCases: onCases,
    answered: answered.length,
    repliesInline: delivery('inline'),
    acksSent: delivery('sent'),
    acksSuppressed: delivery('suppressed'),
    acksPending: delivery('pending'),
    acksFailed: delivery('failed'),
    queueEntries: entries.length,
    lost: refs.length - ids.size,
    handoffsLost: unqueued.length,
    duplicated:
      entries.length -
      entered.size +
      entries.filter((entry) => !waiting.some((kase) => kase.caseNumber === entry.caseNumber)).length +
      Math.max(0, activeCases - owners.size) +
      Math.max(0, onCases - refs.length),
  };
}

/** The counts a campaign prints: what the runtime kept against what was sent, in all and per channel. */
export function verify(played: Played, report: AuditReport) {
  const names = [...new Set(played.conversations.map((c) => c.channel.name))];
  const byChannel: Record<string, Counts> = {};
  for (const name of names)
    byChannel[name] = countsOf(
      played.conversations.filter((c) => c.channel.name === name),
      played,
      report,
    );
  return {
    total: {
      conversations: played.conversations.length,
      requests: played.sent,
      redelivered: played.redelivered,
      ...countsOf(played.conversations, played, report),
      pendingHandoffs: report.pendingHandoffs,
      outboxFiles: report.outboxFiles,
      redeliveriesAnsweredDifferently: played.mismatched,
    },
    byChannel,
  };
}
