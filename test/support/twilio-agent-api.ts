// The agent-api Lambda over dynalite with Twilio's REST API played by a local stand-in, as the handler
// tests of answers to guests start it once per file: the environment stacks/agent-api.ts writes, the
// real twilio client, SES, Connect and Secrets Manager mocked at the SDK.
import { StopContactCommand } from '@aws-sdk/client-connect';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { agentApiHandler } from '../../functions/handlers/agent-api';
import { wireAgentApi } from '../../functions/wiring/agent-api';
import type { CaseLambdaClients } from '../../functions/wiring/aws-clients';
import { agentApiEnv, invoke, lambdaClients } from './agent-api-lambda';
import { healthySending } from './aws-messengers';
import { type Dynalite, startDynalite } from './dynalite';
import { connectMock } from './lambda-env';
import { startTwilioApiStandIn, type TwilioApiStandIn } from './twilio-api-stand-in';

/** A started agent-api Lambda whose SMS go to the Twilio stand-in. */
export interface TwilioAgentApi {
  readonly db: Dynalite;
  readonly twilio: TwilioApiStandIn;
  readonly cases: DynamoCaseStore;
  readonly env: Record<string, string>;
  readonly clients: CaseLambdaClients;
  /** Invokes the handler: the status and the parsed JSON body. */
  call(event: APIGatewayProxyEventV2): ReturnType<typeof invoke>;
  /** Before each test: healthy secrets and SES, Connect withdrawing tasks, no Twilio request recorded. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts dynalite, the Twilio stand-in and the handler (built once, like a cold start). */
export async function startTwilioAgentApi(): Promise<TwilioAgentApi> {
  const db = await startDynalite();
  const twilio = await startTwilioApiStandIn();
  const env = agentApiEnv(db, { TWILIO_API_BASE: twilio.url });
  const clients = lambdaClients(db);
  const handler = agentApiHandler(() => wireAgentApi(env, { moved: () => undefined }, clients));
  return {
    db,
    twilio,
    cases: new DynamoCaseStore(db.documentClient, db.tables.main),
    env,
    clients,
    call: (event) => invoke(handler, event),
    reset() {
      healthySending();
      connectMock.reset();
      connectMock.on(StopContactCommand).resolves({});
      twilio.received.length = 0;
    },
    async close() {
      await twilio.close();
      await db.stop();
    },
  };
}
