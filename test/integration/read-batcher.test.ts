import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRequests, type RequestCounter } from '../../functions/adapters/dynamodb/request-counter';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { unique } from './builders';

describe('TableClient reads, batched by ReadBatcher', () => {
  let db: Dynalite;
  let table: TableClient;
  let counter: RequestCounter;
  const key = (pk: string) => ({ pk, sk: 'ITEM' });

  beforeAll(async () => {
    db = await startDynalite();
    table = new TableClient(db.documentClient, db.tables.main);
    counter = countRequests(db.client);
  });
  afterAll(() => db.stop());

  async function putItems(count: number): Promise<string[]> {
    const pks = Array.from({ length: count }, () => unique('ITEM#'));
    for (const pk of pks)
      await db.documentClient.send(
        new PutCommand({ TableName: db.tables.main, Item: { ...key(pk), n: pk } }),
      );
    return pks;
  }

  it('serves reads started together with one BatchGetItem, each its own item or none', async () => {
    // Prepare
    const [a, b] = await putItems(2);
    counter.reset();

    // Act: two stores' worth of reads, one of them consistent, one of an item that is not there
    const [first, second, missing] = await Promise.all([
      table.get('read a', key(a as string)),
      new TableClient(db.documentClient, db.tables.main).get('read b', key(b as string), true),
      table.get('read none', key(unique('ITEM#'))),
    ]);

    // Assess
    expect(counter.counts()).toEqual({ BatchGetItem: 1 });
    expect(first).toMatchObject({ n: a });
    expect(second).toMatchObject({ n: b });
    expect(missing).toBeUndefined();
  });

  it('reads a lone item with GetItem', async () => {
    // Prepare
    const [a] = await putItems(1);
    counter.reset();

    // Act
    const item = await table.get('read a', key(a as string), true);

    // Assess
    expect(counter.counts()).toEqual({ GetItem: 1 });
    expect(item).toMatchObject({ n: a });
  });

  it('reads a key asked for twice at once separately, so racing writers do not share one snapshot', async () => {
    // Prepare
    const [a] = await putItems(1);
    counter.reset();

    // Act
    const both = await Promise.all([
      table.get('a', key(a as string), true),
      table.get('a', key(a as string), true),
    ]);

    // Assess
    expect(counter.counts()).toEqual({ GetItem: 2 });
    expect(both).toEqual([expect.objectContaining({ n: a }), expect.objectContaining({ n: a })]);
  });

  it('splits more than 100 reads into batches of 100', async () => {
    // Prepare
    const pks = await putItems(150);
    counter.reset();

    // Act
    const items = await Promise.all(pks.map((pk) => table.get('many', key(pk))));

    // Assess
    expect(counter.counts()).toEqual({ BatchGetItem: 2 });
    expect(items.map((item) => item?.n)).toEqual(pks);
  });

  it('fails every read of a batch the table refuses, as a DependencyError naming its action', async () => {
    // Prepare
    const broken = new TableClient(db.documentClient, 'no-such-table');

    // Act
    const reads = Promise.all([broken.get('read a', key('A')), broken.get('read b', key('B'))]);

    // Assess
    await expect(reads).rejects.toMatchObject({
      name: 'DependencyError',
      message: expect.stringContaining('read a'),
    });
  });
});
