import { ConnectClient } from '@aws-sdk/client-connect';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConnectContactCenter } from '../adapters/connect/connect-contact-center';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { CaseTaskItems } from '../adapters/dynamodb/case-task-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { IntakeDeps } from '../domain/intake/intake';
import { documentClient } from '../shared/aws-clients';
import type { ConnectSettings, ContactCenterSettings } from './shared-env';

/** What handing contacts to Connect needs: the case store and the contact centre (the retry Lambda's deps). */
export type HandOffDeps = Pick<IntakeDeps, 'cases' | 'contactCenter'>;

/** The case-task bookkeeping in the table (which Connect task carries each case). */
export function caseTaskItems(tableName: string, client: DynamoDBDocumentClient): CaseTaskItems {
  return new CaseTaskItems(new TableClient(client, tableName));
}

/** Amazon Connect as the contact centre, keeping its task bookkeeping in `tasks`. */
export function connectContactCenter(
  settings: ConnectSettings,
  client: ConnectClient,
  tasks: CaseTaskItems,
): ConnectContactCenter {
  return new ConnectContactCenter(client, settings, tasks);
}

/**
 * The case store and Connect: all the hand-off retry needs. A module of its own so the retry Lambda's
 * bundle carries neither the classifier nor the routing policy.
 */
export function handOffDeps(
  settings: ContactCenterSettings,
  dynamo: DynamoDBDocumentClient = documentClient(),
  connect: ConnectClient = new ConnectClient({}),
): HandOffDeps {
  return {
    cases: new DynamoCaseStore(dynamo, settings.tableName),
    contactCenter: connectContactCenter(settings.connect, connect, caseTaskItems(settings.tableName, dynamo)),
  };
}
