import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { caseKey, contactKey, outboundKey } from '../../functions/adapters/dynamodb/keys';
import { DynamoGuestAllowance } from '../../functions/adapters/dynamodb/outbound-guests';
import { DynamoOutboundLedger } from '../../functions/adapters/dynamodb/outbound-ledger';
import { DynamoRetentionStore } from '../../functions/adapters/dynamodb/retention-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { applyCaseAction } from '../../functions/domain/cases/apply-action';
import { closeSettledCases, type RetentionDeps } from '../../functions/domain/cases/retention';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { defaultPolicy } from '../support/intake-harness';
import { aCase, aContact } from './builders';

const DAY = 86_400_000;
const NOW = new Date('2026-03-01T12:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

describe('retention sweep on DynamoDB (dynalite)', () => {
  let db: Dynalite;
  let cases: DynamoCaseStore;
  let deps: RetentionDeps;
  let ledger: DynamoOutboundLedger;
  const ttlOf = async (key: { pk: string; sk: string }) =>
    (await db.documentClient.send(new GetCommand({ TableName: db.tables.main, Key: key }))).Item?.ttl;

  beforeAll(async () => {
    db = await startDynalite();
    cases = new DynamoCaseStore(db.documentClient, db.tables.main);
    const guests = new DynamoGuestAllowance(db.documentClient, db.tables.main);
    ledger = new DynamoOutboundLedger(db.documentClient, db.tables.main, guests);
    const lifecycle = { cases, center: { withdraw: async () => {} }, policy: defaultPolicy };
    deps = {
      retention: new DynamoRetentionStore(new TableClient(db.documentClient, db.tables.main)),
      policy: defaultPolicy,
      closeCase: (caseNumber, at) => applyCaseAction(lifecycle, caseNumber, { type: 'close' }, 'system', at),
    };
  });
  afterAll(() => db.stop());

  async function aStoredCase(status: 'resolved' | 'closed' | 'waiting', resolvedDaysAgo: number) {
    const kase = aCase({
      status,
      openedAt: ago(resolvedDaysAgo + 1),
      updatedAt: ago(resolvedDaysAgo),
      ...(status === 'waiting' ? {} : { resolvedAt: ago(resolvedDaysAgo) }),
      ...(status === 'closed' ? { closedAt: ago(resolvedDaysAgo - 14) } : {}),
    });
    await cases.createCase(kase, `origin-${kase.caseNumber}`);
    const contact = aContact({ caseNumber: kase.caseNumber, receivedAt: kase.openedAt });
    await cases.putContactOnce(contact);
    // Our acknowledgement of it, in the outbound ledger.
    const messageId = `${contact.id}:ack`;
    await ledger.claim({
      id: messageId,
      kind: 'acknowledgement',
      caseNumber: kase.caseNumber,
      channel: contact.channel,
      to: contact.from,
      language: 'en',
      text: 'We have your message',
      automatic: true,
      createdAt: kase.openedAt,
      status: 'sent',
      updatedAt: kase.openedAt,
    });
    return { caseNumber: kase.caseNumber, contactId: contact.id, messageId };
  }

  it('closes cases resolved longer ago than closeAfterDays and sets their items to expire retentionDays later', async () => {
    // Prepare: the shipped policy closes after 14 days and keeps closed cases 365
    const due = await aStoredCase('resolved', 20);
    const recent = await aStoredCase('resolved', 3);
    const waiting = await aStoredCase('waiting', 30);
    // Act
    const run = await closeSettledCases(deps, NOW, 1000);
    // Assess
    expect(run.closed).toBeGreaterThanOrEqual(1);
    expect(await cases.getCase(due.caseNumber)).toMatchObject({
      status: 'closed',
      closedAt: NOW.toISOString(),
    });
    const expiry = Math.floor((NOW.getTime() + 365 * DAY) / 1000);
    expect(await ttlOf(caseKey(due.caseNumber))).toBe(expiry);
    expect(await ttlOf(contactKey(due.contactId))).toBe(expiry);
    expect(await ttlOf(outboundKey(due.messageId))).toBe(expiry);
    expect(await cases.getCase(recent.caseNumber)).toMatchObject({ status: 'resolved' });
    expect(await cases.getCase(waiting.caseNumber)).toMatchObject({ status: 'waiting' });
    for (const kept of [recent, waiting]) {
      expect(await ttlOf(caseKey(kept.caseNumber))).toBeUndefined();
      expect(await ttlOf(contactKey(kept.contactId))).toBeUndefined();
      expect(await ttlOf(outboundKey(kept.messageId))).toBeUndefined();
    }
  });

  it('gives a case closed without an expiry (an erasure, a sweep cut short) one from its own closing time', async () => {
    // Prepare: closed 10 days ago, no TTL yet
    const closed = await aStoredCase('closed', 24);
    // Act
    await closeSettledCases(deps, NOW, 1000);
    // Assess
    expect(await ttlOf(caseKey(closed.caseNumber))).toBe(
      Math.floor((Date.parse(ago(10)) + 365 * DAY) / 1000),
    );
  });

  it('finds nothing left to do on the next run', async () => {
    await closeSettledCases(deps, NOW, 1000);
    expect(await closeSettledCases(deps, NOW, 1000)).toEqual({ closed: 0, expiring: 0 });
  });
});
