import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT_ROUTES, apiGatewayPath } from '../../functions/handlers/agent/agent-routes';
import { DeployConfigError, readDeployConfig } from '../../infra/config/deploy-config';
import { buildStack, exampleContext } from './support/build-stack';

const ISSUER = 'https://login.example-platform.com/';
const withJwt = (env: Record<string, unknown>) => {
  env.agentApi = { jwt: { issuer: ISSUER, audience: ['contact-router-agents'], scopes: ['cases/act'] } };
};

// Two stacks synthesized on a loaded machine: more than the default 10 s hook time.
let iamOnly: Template;
let withIdp: Template;
beforeAll(() => {
  iamOnly = buildStack().template();
  withIdp = buildStack({ edit: withJwt }).template();
}, 120_000);

type Resource = { Properties: Record<string, unknown> };
const resources = (t: Template, type: string) =>
  Object.entries(t.findResources(type)) as [string, Resource][];
const apiIdOf = (r: Resource) => JSON.stringify(r.Properties.ApiId);
/** The routes of the agent APIs (their logical ids start with AgentApi), by API. */
function agentRoutes(t: Template): Resource[] {
  return resources(t, 'AWS::ApiGatewayV2::Route')
    .map(([, r]) => r)
    .filter((r) => apiIdOf(r).includes('"AgentApi'));
}
const expectedKeys = AGENT_ROUTES.map((r) => `${r.method} ${apiGatewayPath(r.path)}`).sort();

describe('agent API', () => {
  it('serves every agent route, each behind IAM authorization: no route is left open', () => {
    // Act
    const routes = agentRoutes(iamOnly);

    // Assess
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(expectedKeys);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    iamOnly.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
  });

  it('adds, for a configured identity provider, a second API whose every route needs its JWT and a scope', () => {
    // Act
    const routes = agentRoutes(withIdp);
    const byApi = new Map<string, Resource[]>();
    for (const route of routes) byApi.set(apiIdOf(route), [...(byApi.get(apiIdOf(route)) ?? []), route]);

    // Assess
    expect(byApi.size).toBe(2);
    for (const group of byApi.values())
      expect(group.map((r) => r.Properties.RouteKey).sort()).toEqual(expectedKeys);
    for (const route of routes) expect(route.Properties.AuthorizationType).not.toBe('NONE');
    const jwtRoutes = routes.filter((r) => r.Properties.AuthorizationType === 'JWT');
    expect(jwtRoutes).toHaveLength(AGENT_ROUTES.length);
    for (const route of jwtRoutes) {
      expect(route.Properties.AuthorizerId).toEqual({ Ref: expect.stringMatching(/^AgentApiJwt/) });
      expect(route.Properties.AuthorizationScopes).toEqual(['cases/act']);
    }
    withIdp.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: ISSUER, Audience: ['contact-router-agents'] },
    });
  });

  it('lets the Lambda use the table and stop Connect contacts, nothing else', () => {
    // Act
    const policies = resources(iamOnly, 'AWS::IAM::Policy').filter(([, p]) =>
      JSON.stringify(p.Properties.Roles).includes('agentApiRole'),
    );
    const statements = policies.flatMap(
      ([, p]) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement,
    );
    const actions = statements.flatMap((s) => [s.Action].flat());

    // Assess
    expect(actions.filter((a) => a.startsWith('connect:'))).toEqual(['connect:StopContact']);
    expect(actions.filter((a) => !/^(dynamodb|connect|logs):/.test(a))).toEqual([]);
    expect(actions).toContain('dynamodb:UpdateItem');
  });

  it('offers callers a managed policy invoking exactly the agent routes on this API', () => {
    // Act
    const policies = resources(iamOnly, 'AWS::IAM::ManagedPolicy').filter(([id]) =>
      id.startsWith('AgentApi'),
    );
    const [id, policy] = policies[0] ?? ['', { Properties: {} }];
    const document = policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] };
    const statement = document.Statement[0];

    // Assess
    expect(statement?.Action).toBe('execute-api:Invoke');
    const arns = JSON.stringify(statement?.Resource);
    for (const route of AGENT_ROUTES)
      expect(arns).toContain(`/$default/${route.method}${route.path.replace(/:\w+/g, '*')}"`);
    expect(arns).not.toContain('TwilioWebhooks');
    expect(policies).toHaveLength(1);
    iamOnly.hasOutput('*', { Value: { Ref: id } });
  });

  it('logs who called each route without the body, throttles the stage and outputs the URL', () => {
    // Act
    const stages = resources(iamOnly, 'AWS::ApiGatewayV2::Stage').filter(([, s]) =>
      apiIdOf(s).includes('"AgentApi'),
    );
    const stage = stages[0]?.[1].Properties as {
      AccessLogSettings: { Format: string; DestinationArn: unknown };
      DefaultRouteSettings: unknown;
    };

    // Assess
    expect(stages).toHaveLength(1);
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({
      route: '$context.routeKey',
      status: '$context.status',
      caller: '$context.identity.userArn',
    });
    expect(stage.AccessLogSettings.Format).not.toContain('$context.requestBody');
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    iamOnly.hasOutput('*', {
      Description: Match.stringLikeRegexp('agent API \\(IAM\\)'),
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AgentApi'), 'ApiEndpoint'] },
    });
  });
});

describe('agent API deployment settings', () => {
  const env = () => structuredClone(exampleContext().contactRouter.dev) as Record<string, unknown>;

  it('refuses an issuer API Gateway could not fetch keys from, and a token with no audience', () => {
    // Prepare
    const bad = env();
    bad.agentApi = { jwt: { issuer: 'http://login.example-platform.com/', audience: [] } };

    // Act
    const read = () => readDeployConfig({ dev: bad }, 'dev');

    // Assess
    expect(read).toThrow(DeployConfigError);
    expect(read).toThrow(
      /contactRouter\.dev\.agentApi\.jwt\.issuer: expected the identity provider’s https issuer URL/,
    );
    expect(read).toThrow(/contactRouter\.dev\.agentApi\.jwt\.audience: expected at least one audience/);
  });

  it('defaults to IAM only, throttled at 20 requests a second', () => {
    expect(readDeployConfig({ dev: env() }, 'dev').agentApi).toEqual({ throttle: { rate: 20, burst: 40 } });
  });
});
