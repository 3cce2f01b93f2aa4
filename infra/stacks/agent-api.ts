import { Duration, Stack } from 'aws-cdk-lib';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import {
  AGENT_API_QUEUE_LIST_LIMIT,
  AGENT_API_TIMEOUT_SECONDS,
  agentApiEnvironment,
} from '../../functions/wiring/agent-api-env';
import type { DeployConfig } from '../config/deploy-config';
import { AgentHttpApi } from '../constructs/agent-api';
import type { ContactCenter } from '../constructs/contact-center';
import type { HandlerFunctionProps } from '../constructs/handler-function';
import { grantConnect, grantTable } from '../constructs/intake-grants';
import type { GuestMessages } from './guest-messages';

/** What wiring the agent API needs from the stack. */
export interface AgentApiInput {
  readonly config: DeployConfig;
  readonly table: TableV2;
  readonly center: ContactCenter;
  readonly taskFlowId: string;
  /** How replies and surveys reach guests (Twilio, SES, survey links). */
  readonly guests: GuestMessages;
  readonly lambda: (
    key: 'agentApi',
    props: Pick<HandlerFunctionProps, 'description' | 'timeout' | 'environment'>,
  ) => NodejsFunction | undefined;
}

/** The agent API's Lambda and the HTTP APIs in front of it (the JWT one only when configured). */
export interface AgentApiParts {
  readonly fn?: IFunction;
  readonly iam?: AgentHttpApi;
  readonly jwt?: AgentHttpApi;
}

/**
 * The agents' actions in AWS: the agent-api Lambda with exactly the grants its TSDoc lists (the
 * table; Connect to withdraw a settled case's task and start a call-back's; Twilio, SES and the survey
 * key to answer guests), an HTTP API behind IAM
 * authorization, and — when the deployment names the platform's identity provider — a second one
 * with the same routes behind a JWT authorizer (a route has one authorization type, so IAM and JWT
 * callers each get their own API).
 */
export function wireAgentApi(scope: Construct, input: AgentApiInput): AgentApiParts {
  const c = input.config;
  const fn = input.lambda('agentApi', {
    description:
      'Agent actions (replies, templates, notes, pending, resolve, reopen, queues, cases, incidents) behind IAM or JWT',
    timeout: Duration.seconds(AGENT_API_TIMEOUT_SECONDS),
    environment: agentApiEnvironment({
      tableName: input.table.tableName,
      connect: {
        instanceId: c.connectInstanceId,
        taskFlowId: input.taskFlowId,
        queuesJson: Stack.of(scope).toJsonString(input.center.queueRefs()),
      },
      queueListLimit: AGENT_API_QUEUE_LIST_LIMIT,
      messengers: input.guests.messengers,
      surveyLinks: input.guests.surveyLinks,
    }),
  });
  if (!fn) return {};
  grantTable(fn, input.table);
  // StopContact withdraws a settled case's waiting task; a call-back (a reply to a caller without a
  // mobile) hands the case off again: a new task, or the waiting one updated.
  grantConnect(fn, c.connect.instanceArn, [
    'StopContact',
    'StartTaskContact',
    'UpdateContactRoutingData',
    'UpdateContactAttributes',
  ]);
  input.guests.grant(fn);
  const common = {
    fn,
    throttle: c.agentApi.throttle,
    logRetention: c.logRetentionDays as RetentionDays,
    production: c.production,
  };
  const iam = new AgentHttpApi(scope, 'AgentApi', {
    ...common,
    kind: 'IAM',
    authorizer: new HttpIamAuthorizer(),
  });
  iam.callerPolicy();
  const jwtConfig = c.agentApi.jwt;
  const jwt = jwtConfig
    ? new AgentHttpApi(scope, 'AgentApiJwt', {
        ...common,
        kind: 'JWT',
        authorizer: new HttpJwtAuthorizer('PlatformIdentity', jwtConfig.issuer, {
          jwtAudience: [...jwtConfig.audience],
        }),
        scopes: jwtConfig.scopes,
      })
    : undefined;
  return { fn, iam, jwt };
}
