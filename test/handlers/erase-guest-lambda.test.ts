// The erase-guest Lambda as deployed: the real stores on dynalite, S3 and Connect mocked at the SDK
// (neither runs here).
import { randomUUID } from 'node:crypto';
import { ConnectClient, StartTaskContactCommand, StopContactCommand } from '@aws-sdk/client-connect';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { ValidationError } from '../../functions/domain/errors';
import { eraseGuestHandler } from '../../functions/handlers/erase-guest';
import { caseTaskItems, connectContactCenter } from '../../functions/wiring/contact-center';
import { wireEraseGuest } from '../../functions/wiring/erase-guest';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase, aContact, aHandOff } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, lambdaEnv } from '../support/lambda-env';

const s3Mock = mockClient(S3Client);
const BUCKET = 'raw-mail-bucket';
let db: Dynalite;
let env: Record<string, string>;
let cases: DynamoCaseStore;
const connect = new ConnectClient({ region: 'eu-west-1' });

beforeAll(async () => {
  db = await startDynalite();
  env = lambdaEnv(db, { RAW_MAIL_BUCKET: BUCKET, QUARANTINE_PREFIX: 'quarantine/' });
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
});
afterAll(async () => db.stop());
beforeEach(() => {
  s3Mock.reset();
  s3Mock.on(DeleteObjectCommand).resolves({});
  connectMock.reset();
  connectMock.on(StopContactCommand).resolves({});
});

const invoke = (payload: unknown) =>
  eraseGuestHandler(() =>
    wireEraseGuest(env, { dynamo: db.documentClient, s3: new S3Client({ region: 'eu-west-1' }), connect }),
  )(payload, {} as Context);

describe('erase-guest Lambda', () => {
  it('erases a mail sender: their raw message in S3, their case, and the Connect task waiting for it', async () => {
    // Prepare: a waiting case handed to Connect, with a mail whose raw MIME SES stored in the bucket
    const sender = `guest-${randomUUID().slice(0, 8)}@example.com`;
    const kase = aCase({ ownerKey: sender, status: 'waiting', queue: 'en-team' });
    await cases.createCase(kase, `origin-${kase.caseNumber}`);
    await cases.claimOpenCase(sender, undefined, kase.caseNumber);
    await cases.putContactOnce(
      aContact({
        caseNumber: kase.caseNumber,
        channel: 'email',
        from: sender,
        attachments: [`s3://${BUCKET}/inbound/msg-1`],
      }),
    );
    const taskId = randomUUID();
    connectMock.on(StartTaskContactCommand).resolves({ ContactId: taskId });
    await connectContactCenter(
      readContactCenterSettings(env).connect,
      connect,
      caseTaskItems(readContactCenterSettings(env).tableName, db.documentClient),
    ).handOff(aHandOff({ caseNumber: kase.caseNumber }));
    // Act
    const result = await invoke({ email: sender.toUpperCase() });
    // Assess
    expect(result.erased).toMatchObject({ cases: 1, contacts: 1, rawMails: 1 });
    expect(s3Mock.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input)).toEqual([
      { Bucket: BUCKET, Key: 'inbound/msg-1' },
      { Bucket: BUCKET, Key: 'quarantine/inbound/msg-1' },
    ]);
    expect(connectMock.commandCalls(StopContactCommand)[0]?.args[0].input).toMatchObject({
      ContactId: taskId,
    });
    expect(await cases.getCase(kase.caseNumber)).toMatchObject({ status: 'closed' });
  });

  it.each([
    [undefined],
    [['+447700900123']],
    [{ phone: 447700900123 }],
    [{ phone: '+447700900123', name: 'Ana' }],
    [{}],
  ])('fails the invocation for the payload %j, naming what to send', async (payload) => {
    await expect(invoke(payload)).rejects.toThrow(ValidationError);
  });
});
