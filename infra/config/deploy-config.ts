import { z } from 'zod';
import { whatsAppTemplatesSchema } from '../../functions/adapters/twilio/whatsapp-templates-config';
import { formatPath } from '../../functions/domain/routing/load-policy';

const E164 = /^\+[1-9]\d{6,14}$/;
const CONNECT_INSTANCE_ARN = /^arn:aws[a-z-]*:connect:([a-z0-9-]+):(\d{12}):instance\/([0-9a-f-]{36})$/;
const FLOW_NAME = /^[a-z0-9][a-z0-9-]*$/;

// The periods CloudWatch Logs accepts.
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const e164 = z.string().regex(E164, { error: 'expected an E.164 number, e.g. +442071234567' });
const flowName = z.string().regex(FLOW_NAME, { error: 'expected a flow file name without .json' });

/** A number Connect claims for the instance at deploy time. */
const claimedNumber = z.strictObject({
  claim: z.strictObject({
    countryCode: z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO country code, e.g. GB' }),
    type: z.enum(['DID', 'TOLL_FREE', 'UIFN', 'SHARED', 'THIRD_PARTY_DID', 'THIRD_PARTY_TF', 'SHORT_CODE']),
    prefix: z
      .string()
      .regex(/^\+\d{1,12}$/, { error: 'expected + and digits, e.g. +4420' })
      .optional(),
  }),
  flow: flowName,
  loyalty: z.boolean().default(false),
});

/** A number the instance already has: only its flow association is managed. */
const existingNumber = z.strictObject({
  existing: z.strictObject({ phoneNumberId: z.string().min(1), number: e164 }),
  flow: flowName,
  loyalty: z.boolean().default(false),
});

/**
 * The agent API (infra/constructs/agent-api.ts): IAM authorization always; with `jwt`, a second API
 * with the same routes behind a JWT authorizer for the platform's identity provider (API Gateway
 * fetches the issuer's /.well-known/openid-configuration, so it must be public https).
 */
const agentApiSchema = z
  .strictObject({
    jwt: z
      .strictObject({
        issuer: z.url({ protocol: /^https$/, error: 'expected the identity provider’s https issuer URL' }),
        audience: z.array(z.string().min(1)).min(1, { error: 'expected at least one audience (aud)' }),
        /** Scopes a token must carry one of (recommended, so ID tokens are refused). */
        scopes: z.array(z.string().min(1)).default([]),
      })
      .optional(),
    /** Requests per second across all agents, and the burst above it. */
    throttle: z
      .strictObject({
        rate: z.number().int().min(1).max(10_000).default(20),
        burst: z.number().int().min(1).max(5_000).default(40),
      })
      .default({ rate: 20, burst: 40 }),
  })
  .default({ throttle: { rate: 20, burst: 40 } });

const environmentSchema = z
  .strictObject({
    connect: z.strictObject({
      instanceArn: z
        .string()
        .regex(CONNECT_INSTANCE_ARN, { error: 'expected arn:aws:connect:<region>:<account>:instance/<id>' }),
      phoneNumbers: z.array(z.union([claimedNumber, existingNumber])).default([]),
      /** The hold music between wait announcements (customer-queue flow): one of the instance's prompts. */
      holdMusicPromptArn: z.string().regex(/^arn:aws[a-z-]*:connect:.+\/prompt\/[0-9a-f-]+$/, {
        error: 'expected the ARN of one of the instance’s prompts (aws connect list-prompts)',
      }),
    }),
    email: z.strictObject({
      domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, { error: 'expected a domain name' }),
      addresses: z.array(z.email()).min(1),
      fromAddress: z.email(),
      hostedZoneId: z.string().optional(),
      createDomainIdentity: z.boolean().default(true),
      activateReceiptRuleSet: z.boolean().default(true),
      rawMailRetentionDays: z.number().int().min(1).max(3650).default(90),
    }),
    twilio: z.strictObject({
      authTokenSecretName: z.string().min(1),
      /** The TaskRouter workflow Twilio Voice calls are enqueued to. */
      workflowSid: z
        .string()
        .regex(/^WW[0-9a-f]{32}$/, { error: 'expected a TaskRouter workflow SID (WW + 32 hex)' }),
      loyaltyNumbers: z.array(e164).default([]),
      publicOrigin: z.url().optional(),
      /** The account the REST API sends SMS and WhatsApp from (its auth token is authTokenSecretName's). */
      accountSid: z
        .string()
        .regex(/^AC[0-9a-fA-F]{32}$/, { error: 'expected an Account SID (AC + 32 hex)' })
        .optional(),
      /** Our SMS number and our WhatsApp sender's number, E.164. */
      smsFrom: e164.optional(),
      whatsAppFrom: e164.optional(),
      /** purpose → language → Content SID of an approved WhatsApp template (outside the 24-hour window). */
      whatsAppTemplates: whatsAppTemplatesSchema.default({}),
    }),
    /**
     * Telegram (optional): Secrets Manager names of the bot token (from @BotFather) and of the
     * webhook's secret_token (1-256 of A-Z a-z 0-9 _ -), both created outside the stack.
     */
    telegram: z
      .strictObject({
        botTokenSecretName: z.string().min(1),
        webhookSecretName: z.string().min(1),
      })
      .optional(),
    agentApi: agentApiSchema,
    alarmEmail: z.email().optional(),
    logRetentionDays: z
      .number()
      .refine((d) => RETENTION_DAYS.includes(d), { error: `expected one of ${RETENTION_DAYS.join(', ')}` })
      .default(30),
  })
  .superRefine((env, ctx) => {
    const domain = env.email.domain.toLowerCase();
    const outside = (address: string) => !address.toLowerCase().endsWith(`@${domain}`);
    env.email.addresses.forEach((address, i) => {
      if (outside(address))
        ctx.addIssue({
          code: 'custom',
          path: ['email', 'addresses', i],
          message: `not an address of ${domain}`,
        });
    });
    if (!env.connect.holdMusicPromptArn.startsWith(`${env.connect.instanceArn}/prompt/`))
      ctx.addIssue({
        code: 'custom',
        path: ['connect', 'holdMusicPromptArn'],
        message: 'not a prompt of connect.instanceArn',
      });
    if (outside(env.email.fromAddress))
      ctx.addIssue({
        code: 'custom',
        path: ['email', 'fromAddress'],
        message: `not an address of ${domain}`,
      });
  });

/** One environment's settings as written in CDK context. */
export type EnvironmentConfig = z.output<typeof environmentSchema>;
/** A phone number entry of the configuration. */
export type PhoneNumberConfig = EnvironmentConfig['connect']['phoneNumbers'][number];

/** Everything the stacks need, with the environment name and what the instance ARN tells. */
export interface DeployConfig extends EnvironmentConfig {
  readonly environmentName: string;
  readonly production: boolean;
  readonly account: string;
  readonly region: string;
  readonly connectInstanceId: string;
}

/** The context is missing or wrong: names the key path so the deployer knows what to fix. */
export class DeployConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployConfigError';
  }
}

/**
 * Reads `contactRouter.<environmentName>` from the CDK context (cdk.context.json or `-c`), validates it
 * and derives account, region and instance id from the Connect instance ARN, so the stack always
 * deploys where the instance lives.
 */
export function readDeployConfig(contactRouter: unknown, environmentName: string): DeployConfig {
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(environmentName))
    throw new DeployConfigError(
      `environmentName "${environmentName}": expected lower-case letters, digits, -`,
    );
  const envs = (contactRouter ?? {}) as Record<string, unknown>;
  const raw = envs[environmentName];
  if (raw === undefined) {
    const known = Object.keys(envs).join(', ') || 'none';
    throw new DeployConfigError(
      `context contactRouter.${environmentName} is missing (environments configured: ${known})`,
    );
  }
  const parsed = environmentSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `contactRouter.${environmentName}.${formatPath(i.path)}: ${i.message}`,
    );
    throw new DeployConfigError(lines.join('\n'));
  }
  const [, region, account, instanceId] = CONNECT_INSTANCE_ARN.exec(parsed.data.connect.instanceArn) ?? [];
  return {
    ...parsed.data,
    environmentName,
    production: environmentName === 'prod',
    account: account ?? '',
    region: region ?? '',
    connectInstanceId: instanceId ?? '',
  };
}
