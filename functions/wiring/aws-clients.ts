import { ConnectClient } from '@aws-sdk/client-connect';
import { SESClient } from '@aws-sdk/client-ses';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../shared/aws-clients';
import { awsSecret } from '../shared/aws-secrets';

/** The SDK clients a Lambda that moves cases and writes to guests uses (tests pass stand-ins). */
export interface CaseLambdaClients {
  readonly dynamo: DynamoDBDocumentClient;
  readonly connect: ConnectClient;
  readonly ses: SESClient;
  /** A cached reader of a Secrets Manager secret. */
  readonly secret: (secretId: string) => () => Promise<string>;
}

/** The default clients, built once per cold start. */
export function defaultCaseLambdaClients(): CaseLambdaClients {
  return {
    dynamo: documentClient(),
    connect: new ConnectClient({}),
    ses: new SESClient({}),
    secret: awsSecret,
  };
}
