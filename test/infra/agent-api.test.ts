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
type Statement = { Action: string | string[]; Resource?: unknown; Condition?: unknown };
/** The IAM statements of the role whose logical id starts with `role`. */
function statementsOf(t: Template, role: string): Statement[] {
  return resources(t, 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(role))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}
/** The environment variables of the Lambda whose logical id starts with `fn`. */
function environmentOf(t: Template, fn: string): Record<string, unknown> {
  const found = resources(t, 'AWS::Lambda::Function').find(([id]) => id.startsWith(fn));
  const environment = found?.[1].Properties.Environment as
    | { Variables?: Record<string, unknown> }
    | undefined;
  return environment?.Variables ?? {};
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

  it('lets the Lambda use the table, Connect, the messengers’ secrets and SES sending, nothing else', () => {
    // Act
    const statements = statementsOf(iamOnly, 'agentApiRole');
    const actions = statements.flatMap((s) => [s.Action].flat());
    const ses = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));

    // Assess
    expect(actions.filter((a) => a.startsWith('connect:')).sort()).toEqual([
      'connect:StartTaskContact',
      'connect:StopContact',
      'connect:UpdateContactAttributes',
      'connect:UpdateContactRoutingData',
    ]);
    expect(actions.filter((a) => !/^(dynamodb|connect|logs|secretsmanager|ses):/.test(a))).toEqual([]);
    expect(actions).toContain('dynamodb:UpdateItem');
    expect(ses).toHaveLength(1);
    expect(ses[0]).toMatchObject({
      Action: 'ses:SendRawEmail',
      Condition: { StringLike: { 'ses:FromAddress': '*@support.example.com' } },
    });
    expect(JSON.stringify(ses[0]?.Resource)).toContain(':identity/support.example.com');
    const secrets = JSON.stringify(
      statements.filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue')),
    );
    expect(secrets).toContain('contact-router/dev/twilio-auth-token');
    expect(secrets).toContain('ReplySigningSecret');
    expect(secrets).toContain('SurveySigningKey');
    expect(secrets).not.toContain('PinPepper');
  });

  it('tells the Lambda how to send: Twilio account and senders, status callback, SES sender, survey page', () => {
    // Act
    const variables = environmentOf(iamOnly, 'agentApi');

    // Assess
    expect(variables).toMatchObject({
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
      TWILIO_AUTH_TOKEN_SECRET: 'contact-router/dev/twilio-auth-token',
      TWILIO_SMS_FROM: '+14155550123',
      TWILIO_WHATSAPP_FROM: '+14155238886',
      EMAIL_FROM: 'help@support.example.com',
    });
    expect(JSON.parse(String(variables.WHATSAPP_TEMPLATES))).toMatchObject({
      survey: { en: 'HX00000000000000000000000000000003' },
    });
    const callback = JSON.stringify(variables.TWILIO_STATUS_CALLBACK_URL);
    expect(callback).toMatch(/TwilioWebhooks.*ApiEndpoint.*\/twilio\/status/);
    expect(JSON.stringify(variables.SURVEY_PAGE_URL)).toMatch(/TwilioWebhooks.*ApiEndpoint/);
    expect(JSON.stringify(variables.REPLY_SIGNING_SECRET)).toContain('ReplySigningSecret');
    expect(JSON.stringify(variables.SURVEY_SIGNING_SECRET)).toContain('SurveySigningKey');
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

describe('answers to guests beside the agent API', () => {
  it('serves the survey page publicly on the Twilio webhook API, GET and POST, with no Twilio token', () => {
    // Act
    const routes = resources(iamOnly, 'AWS::ApiGatewayV2::Route')
      .map(([, r]) => r.Properties)
      .filter((r) => String(r.RouteKey).includes('/survey/'));
    const statements = statementsOf(iamOnly, 'surveyPageRole');
    const secrets = JSON.stringify(
      statements.filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue')),
    );

    // Assess
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['GET /survey/{token}', 'POST /survey/{token}']);
    for (const route of routes) {
      expect(JSON.stringify(route.ApiId)).toContain('TwilioWebhooks');
      expect(route.AuthorizationType ?? 'NONE').toBe('NONE');
    }
    expect(secrets).toContain('SurveySigningKey');
    expect(secrets).not.toContain('twilio-auth-token');
    expect(environmentOf(iamOnly, 'surveyPage')).toHaveProperty('SURVEY_SIGNING_SECRET');
  });

  it('lets the Connect event Lambda send the survey of a case its task resolves', () => {
    // Act
    const variables = environmentOf(iamOnly, 'connectEvents');
    const actions = statementsOf(iamOnly, 'connectEventsRole').flatMap((s) => [s.Action].flat());

    // Assess
    expect(variables).toMatchObject({
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
      EMAIL_FROM: 'help@support.example.com',
    });
    expect(variables).toHaveProperty('SURVEY_PAGE_URL');
    expect(actions).toEqual(expect.arrayContaining(['ses:SendRawEmail', 'secretsmanager:GetSecretValue']));
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
