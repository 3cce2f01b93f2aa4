import { type CfnElement, CfnOutput, Stack, Token } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AGENT_ROUTES, apiGatewayPath } from '../../functions/handlers/agent/agent-routes';
import { acknowledge } from '../nag/acknowledge';
import { logAndThrottleStage } from './api-access-logs';

/** Options for one agent API. */
export interface AgentHttpApiProps {
  /** functions/handlers/agent-api.ts */
  readonly fn: IFunction;
  /** Who may call: IAM (SigV4) or the platform's JWT issuer; every route gets it. */
  readonly authorizer: IHttpRouteAuthorizer;
  /** With a JWT authorizer: scopes a token must carry one of. */
  readonly scopes?: readonly string[];
  /** "IAM" or "JWT": names the API and its output. */
  readonly kind: 'IAM' | 'JWT';
  readonly throttle: { readonly rate: number; readonly burst: number };
  readonly logRetention: RetentionDays;
  readonly production: boolean;
}

/**
 * An HTTP API (API Gateway v2) serving the agents' actions, one route per entry of AGENT_ROUTES (the
 * routes the local API serves), each behind the given authorizer — never NONE: "Control access to
 * HTTP APIs with IAM authorization" / "… with JWT authorizers" in the API Gateway developer guide.
 * JSON access logs name the route, status and the caller (IAM user ARN or the token's subject),
 * never a request body; the default stage is throttled.
 */
export class AgentHttpApi extends Construct {
  readonly api: HttpApi;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: AgentHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: `Agent actions of the contact router (${props.kind} authorization)`,
      defaultAuthorizer: props.authorizer,
      defaultAuthorizationScopes: props.scopes?.length ? [...props.scopes] : undefined,
    });
    const integration = new HttpLambdaIntegration('AgentActions', props.fn);
    for (const route of AGENT_ROUTES)
      this.api.addRoutes({
        path: apiGatewayPath(route.path),
        methods: [HttpMethod[route.method]],
        integration,
      });
    this.accessLogs = logAndThrottleStage(this, this.api, {
      logRetention: props.logRetention,
      production: props.production,
      extraFields: {
        caller: props.kind === 'IAM' ? '$context.identity.userArn' : '$context.authorizer.claims.sub',
        authorizerError: '$context.authorizer.error',
      },
      throttle: props.throttle,
    });
    new CfnOutput(this, 'Url', {
      description: `Base URL of the agent API (${props.kind}): docs/deploy.md, "Agent API"`,
      value: this.api.apiEndpoint,
    });
  }

  /**
   * A managed policy allowing execute-api:Invoke on exactly this API's agent routes (path
   * parameters as *) on its default stage: attach it to the role of the agents' workspace or the
   * platform's back office.
   */
  callerPolicy(): ManagedPolicy {
    const resources = AGENT_ROUTES.map((r) =>
      this.api.arnForExecuteApi(r.method, r.path.replace(/:\w+/g, '*'), '$default'),
    );
    const policy = new ManagedPolicy(this, 'Callers', {
      description: 'Calls the contact router’s agent API (IAM authorization): its routes only',
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['execute-api:Invoke'], resources })],
    });
    const stack = Stack.of(this);
    const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const apiRef = `<${stack.getLogicalId(this.api.node.defaultChild as CfnElement)}>`;
    for (const r of AGENT_ROUTES.filter((route) => route.path.includes(':')))
      acknowledge(policy, {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:${shown(stack.region, 'Region')}:${shown(stack.account, 'AccountId')}:${apiRef}/$default/${r.method}${r.path.replace(/:\w+/g, '*')}]`,
        reason:
          'the * stands for the case number, queue or incident id in the route’s path (execute-api resource ARNs match path parameters with *); method and route are named, on this one API and stage',
      });
    new CfnOutput(this, 'CallerPolicyArn', {
      description: 'Attach to the IAM role that calls the agent API (SigV4)',
      value: policy.managedPolicyArn,
    });
    return policy;
  }
}
