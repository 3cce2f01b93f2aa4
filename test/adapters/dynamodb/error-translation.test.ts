import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  InternalServerError,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoBookingStore } from '../../../functions/adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../../../functions/adapters/dynamodb/case-store';
import { DependencyError } from '../../../functions/domain/errors';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const dynamo = mockClient(DynamoDBDocumentClient);
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

describe('DynamoDB adapters: SDK errors become DependencyErrors', () => {
  beforeEach(() => dynamo.reset());

  it('reports throttling as a retryable dynamodb failure, keeping the SDK error as cause', async () => {
    // Prepare
    const throttled = new ProvisionedThroughputExceededException({ message: 'slow down', ...meta(400) });
    dynamo.on(BatchGetCommand).rejects(throttled);
    const store = new DynamoBookingStore(documentClient, 'contact-router');

    // Act
    const error = await store.getBooking('1234567897', new Date()).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ dependency: 'dynamodb', retryable: true, cause: throttled });
  });

  it('reports a missing table as a failure not worth retrying', async () => {
    // Prepare
    const missing = new ResourceNotFoundException({ message: 'Requested resource not found', ...meta(400) });
    dynamo.on(GetCommand).rejects(missing);
    const store = new DynamoCaseStore(documentClient, 'contact-router');

    // Act
    const error = await store.getCase('CR-7K4M2Q').catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ name: 'DependencyError', retryable: false, cause: missing });
    expect((error as Error).message).toContain('get case failed: ResourceNotFoundException');
  });

  it('reports a server error as retryable', async () => {
    // Prepare
    dynamo.on(QueryCommand).rejects(new InternalServerError({ message: 'oops', ...meta(500) }));
    const store = new DynamoCaseStore(documentClient, 'contact-router');

    // Act
    const listing = store.listCases(10);

    // Assess
    await expect(listing).rejects.toMatchObject({ name: 'DependencyError', retryable: true });
  });

  it('treats a lost conditional write as an answer, not an error', async () => {
    // Prepare
    const lost = new ConditionalCheckFailedException({
      message: 'The conditional request failed',
      ...meta(400),
    });
    dynamo.on(UpdateCommand).rejects(lost);
    dynamo.on(GetCommand).resolves({ Item: { pk: 'OPEN#o', sk: 'SLOTS', NOBOOKING: 'CR-WINNER' } });
    const store = new DynamoCaseStore(documentClient, 'contact-router');

    // Act
    const holder = await store.claimOpenCase('o', undefined, 'CR-LOSER0');

    // Assess
    expect(holder).toBe('CR-WINNER');
  });

  it('reads the holder from the conditional failure itself when DynamoDB returns it', async () => {
    // Prepare
    const lost = new ConditionalCheckFailedException({
      message: 'The conditional request failed',
      ...meta(400),
      Item: { NOBOOKING: { S: 'CR-WINNER' } },
    });
    dynamo.on(UpdateCommand).rejects(lost);
    const store = new DynamoCaseStore(documentClient, 'contact-router');

    // Act
    const holder = await store.claimOpenCase('o', undefined, 'CR-LOSER0');

    // Assess
    expect(holder).toBe('CR-WINNER');
    expect(dynamo).not.toHaveReceivedCommand(GetCommand);
  });

  it('reports a refused connection as retryable', async () => {
    // Prepare
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
    dynamo.on(DeleteCommand).rejects(refused);
    const store = new DynamoBookingStore(documentClient, 'contact-router');

    // Act
    const clearing = store.clearPinFailures('1234567897');

    // Assess
    await expect(clearing).rejects.toMatchObject({
      name: 'DependencyError',
      retryable: true,
      cause: refused,
    });
  });
});
