import type { ContactRecord } from '../../domain/ports';
import { queryIndex } from './index-query';
import { OUTBOX_PARTITION } from './keys';
import type { TableClient } from './table-client';
import { INDEXES } from './table-definition';

/** The outbox: contacts with a reply, listed through the sparse outbox index (contact-log.ts writes them). */
export class ContactItems {
  constructor(private readonly table: TableClient) {}

  listOutbox(limit: number): Promise<ContactRecord[]> {
    return queryIndex<ContactRecord>(this.table, {
      action: 'list outbox',
      indexName: INDEXES.outbox,
      partitionAttribute: 'gsi2pk',
      partition: OUTBOX_PARTITION,
      ascending: false,
      limit,
    });
  }
}
