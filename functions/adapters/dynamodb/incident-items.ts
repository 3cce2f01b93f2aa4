import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Incident, IncidentCase } from '../../domain/incidents/incident';
import type { IncidentStore } from '../../domain/incidents/incident-ports';
import { queryAll, queryIndex } from './index-query';
import { fromItem, withoutUndefined } from './item-codec';
import {
  ACTIVE_INCIDENTS_PARTITION,
  INCIDENT_LIST_PARTITION,
  incidentCaseKey,
  incidentKey,
  RESOLVING_INCIDENTS_PARTITION,
  timeSortKey,
} from './keys';
import type { TableClient } from './table-client';
import { INDEXES, KEYS } from './table-definition';
import { gaveUp, isConditionalCheckFailed, toDependencyError } from './translate-error';

/** An attached case as its item holds it (an erased guest's contacts only counted). */
export function incidentCaseOf(item: Record<string, unknown>): IncidentCase {
  return {
    caseNumber: String(item.caseNumber),
    bookingRef: String(item.bookingRef),
    contactIds: [...((item.contactIds as Set<string> | undefined) ?? [])].sort(),
    ...(typeof item.erasedContacts === 'number' ? { erasedContacts: item.erasedContacts } : {}),
  };
}

/**
 * IncidentStore on the main table: the incident on one item (listed on gsi1; on the sparse gsi3 while
 * active, then while its resolution is being told), each attached case on an item next to it with the
 * contact ids as a string set, so attaching a redelivered contact again changes nothing.
 */
export class IncidentItems implements IncidentStore {
  constructor(private readonly table: TableClient) {}

  async createIncident(incident: Incident): Promise<void> {
    const put = await this.table.putUnless(
      'declare incident',
      {
        ...withoutUndefined(incident),
        ...incidentKey(incident.id),
        kind: 'incident',
        [KEYS.gsi1pk]: INCIDENT_LIST_PARTITION,
        [KEYS.gsi1sk]: timeSortKey(incident.declaredAt, incident.id),
        [KEYS.gsi3pk]: ACTIVE_INCIDENTS_PARTITION,
        [KEYS.gsi3sk]: timeSortKey(incident.declaredAt, incident.id),
      },
      'attribute_not_exists(pk)',
    );
    if (!put.written) throw gaveUp('declare incident', `incident id ${incident.id} is taken`);
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    const out = await this.table.send<{ Item?: Record<string, unknown> }>(
      'get incident',
      new GetCommand({ TableName: this.table.tableName, Key: incidentKey(id), ConsistentRead: true }),
    );
    return out.Item ? fromItem<Incident>(out.Item) : undefined;
  }

  listIncidents(limit: number): Promise<Incident[]> {
    return queryIndex<Incident>(this.table, {
      action: 'list incidents',
      indexName: INDEXES.byCase,
      partitionAttribute: KEYS.gsi1pk,
      partition: INCIDENT_LIST_PARTITION,
      ascending: false,
      limit,
    });
  }

  activeIncidents(): Promise<Incident[]> {
    return this.onPartition('list active incidents', ACTIVE_INCIDENTS_PARTITION);
  }

  resolvingIncidents(): Promise<Incident[]> {
    return this.onPartition('list resolving incidents', RESOLVING_INCIDENTS_PARTITION);
  }

  private onPartition(action: string, partition: string): Promise<Incident[]> {
    return queryIndex<Incident>(this.table, {
      action,
      indexName: INDEXES.pending,
      partitionAttribute: KEYS.gsi3pk,
      partition,
      ascending: true,
    });
  }

  advanceNotified(id: string, through: number): Promise<void> {
    return this.advance('advance incident notices', id, {
      UpdateExpression: 'SET notifiedThrough = :n',
      ConditionExpression: 'attribute_exists(pk) AND notifiedThrough < :n',
      ExpressionAttributeValues: { ':n': through },
    });
  }

  advanceResolved(id: string, through: number, done: boolean): Promise<void> {
    return this.advance('advance incident resolution', id, {
      UpdateExpression: `SET resolvedThrough = :n${done ? ' REMOVE #g3pk, #g3sk' : ''}`,
      ConditionExpression:
        'attribute_exists(pk) AND #g3pk = :resolving AND (attribute_not_exists(resolvedThrough) OR resolvedThrough < :n)',
      ExpressionAttributeNames: { '#g3pk': KEYS.gsi3pk, ...(done ? { '#g3sk': KEYS.gsi3sk } : {}) },
      ExpressionAttributeValues: {
        ':n': through,
        ':resolving': RESOLVING_INCIDENTS_PARTITION,
      },
    });
  }

  // A cursor only moves forward: another run that moved it as far or further leaves nothing to do.
  private async advance(
    action: string,
    id: string,
    update: Pick<
      ConstructorParameters<typeof UpdateCommand>[0],
      'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
    >,
  ): Promise<void> {
    try {
      await this.table.client.send(
        new UpdateCommand({ TableName: this.table.tableName, Key: incidentKey(id), ...update }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) return;
      throw toDependencyError(error, action);
    }
  }

  async markResolved(
    id: string,
    at: string,
    resolution: Incident['resolution'],
    guests: Incident['resolvedGuests'],
  ): Promise<boolean> {
    const sets = ['#s = :resolved', 'resolvedAt = :at', '#g3pk = :resolving'];
    if (resolution) sets.push('resolution = :r');
    if (guests) sets.push('resolvedGuests = :guests');
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: incidentKey(id),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk) AND #s = :active',
          ExpressionAttributeNames: { '#s': 'status', '#g3pk': KEYS.gsi3pk },
          ExpressionAttributeValues: {
            ':resolved': 'resolved',
            ':active': 'active',
            ':at': at,
            ':resolving': RESOLVING_INCIDENTS_PARTITION,
            ...(resolution ? { ':r': withoutUndefined(resolution) } : {}),
            ...(guests ? { ':guests': [...guests] } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw toDependencyError(error, 'resolve incident');
    }
  }

  async attachCase(
    id: string,
    attached: { caseNumber: string; bookingRef: string; contactId: string },
  ): Promise<void> {
    await this.table.send(
      'attach case to incident',
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: incidentCaseKey(id, attached.caseNumber),
        UpdateExpression: 'SET kind = :kind, caseNumber = :case, bookingRef = :ref ADD contactIds :contact',
        ExpressionAttributeValues: {
          ':kind': 'incident-case',
          ':case': attached.caseNumber,
          ':ref': attached.bookingRef,
          ':contact': new Set([attached.contactId]),
        },
      }),
    );
  }

  async casesOf(id: string): Promise<IncidentCase[]> {
    const items = await queryAll(this.table, 'list incident cases', {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :case)',
      ExpressionAttributeValues: { ':pk': incidentKey(id).pk, ':case': 'CASE#' },
      ConsistentRead: true,
    });
    return items.map(incidentCaseOf);
  }
}
