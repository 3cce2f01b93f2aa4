import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Case, CaseEvent } from '../../domain/case';
import type { EmailCaseStore, MessageCopy, MessageRef } from '../../domain/email/email-ports';
import type { ContactRecord } from '../../domain/ports';
import { DynamoCaseRecords } from './case-records';
import { DynamoContactLog } from './contact-log';
import { EmailItems } from './email-items';
import { TableClient } from './table-client';

type RoutingUpdate = Partial<Pick<Case, 'queue' | 'priority' | 'topic'>>;

/**
 * The whole case store on the main table, as the doors are wired with it: the cases
 * (DynamoCaseRecords), the contact log (DynamoContactLog) and what email threading and replies keep
 * beside them (replies are the outbound ledger's). Every write is a single-item conditional write (no transactions).
 */
export class DynamoCaseStore implements EmailCaseStore {
  private readonly email: EmailItems;
  private readonly cases: DynamoCaseRecords;
  private readonly log: DynamoContactLog;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    const table = new TableClient(client, tableName);
    this.cases = new DynamoCaseRecords(client, tableName);
    this.log = new DynamoContactLog(client, tableName);
    this.email = new EmailItems(table);
  }

  claimMessage(message: MessageCopy, contactId: string, now: Date, staleBefore: Date) {
    return this.email.claimMessage(message, contactId, now, staleBefore);
  }
  rememberMessageIds(ids: readonly string[], ref: MessageRef) {
    return this.email.rememberMessageIds(ids, ref);
  }
  findByMessageIds(ids: readonly string[]) {
    return this.email.findByMessageIds(ids);
  }

  getContact(id: string) {
    return this.log.getContact(id);
  }
  putContactOnce(record: ContactRecord) {
    return this.log.putContactOnce(record);
  }
  markHandedOff(id: string, outcome: { ok: true } | { ok: false; error: string }) {
    return this.log.markHandedOff(id, outcome);
  }
  listPendingHandoffs(limit: number) {
    return this.log.listPendingHandoffs(limit);
  }
  listContactsOfCase(caseNumber: string) {
    return this.log.listContactsOfCase(caseNumber);
  }
  pinContactCase(contactId: string, destination: string) {
    return this.log.pinContactCase(contactId, destination);
  }

  getCase(caseNumber: string) {
    return this.cases.getCase(caseNumber);
  }
  saveCase(next: Case, expectedUpdatedAt: string, events: readonly CaseEvent[]) {
    return this.cases.saveCase(next, expectedUpdatedAt, events);
  }
  openCases(ownerKey: string) {
    return this.cases.openCases(ownerKey);
  }
  createCase(kase: Case, originContactId: string) {
    return this.cases.createCase(kase, originContactId);
  }
  claimOpenCase(ownerKey: string, bookingRef: string | undefined, caseNumber: string, replacing?: string) {
    return this.cases.claimOpenCase(ownerKey, bookingRef, caseNumber, replacing);
  }
  appendToCase(caseNumber: string, event: CaseEvent, update: RoutingUpdate) {
    return this.cases.appendToCase(caseNumber, event, update);
  }
  listCases(limit: number) {
    return this.cases.listCases(limit);
  }

  listFlaggedCases(limit: number) {
    return this.cases.listFlaggedCases(limit);
  }
}
