import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStack } from './support/build-stack';

let built: ReturnType<typeof buildStack>;
let template: Template;

beforeAll(() => {
  built = buildStack();
  template = built.template();
});

describe('ContactRouterStack functions', () => {
  it('runs every door on Node.js 22 ARM64 with its own log group and Powertools settings', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs22.x', Architectures: ['arm64'] },
    });
    const ours = Object.values(functions).filter((f) =>
      String(f.Properties.Description).match(/Twilio|Connect|SES|hand-offs/),
    );
    // The doors and the retry, the Connect event Lambda, the case-task sweep, the TaskRouter door and
    // the message status door (which alone needs no Connect: test/infra/twilio-status.test.ts).
    expect(ours).toHaveLength(9);
    for (const fn of ours) {
      expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: expect.stringMatching(/Logs/) });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_METRICS_NAMESPACE: 'ContactRouter/dev',
        TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) },
      });
      if (!/status callbacks/.test(fn.Properties.Description))
        expect(fn.Properties.Environment.Variables).toMatchObject({
          CONNECT_INSTANCE_ID: '00000000-0000-4000-8000-000000000000',
        });
    }
    // Each Lambda's (the agent API's, the status callback's, the survey page's, the operator's
    // erase-guest, the booking updates' and the Telegram door's too) and the access logs of the Twilio
    // and agent APIs.
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 16);
  });

  it('answers inside the time each caller waits: 8 s for Connect, 15 s for Twilio', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('Connect IVR'),
      Timeout: 7,
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Twilio SMS/WhatsApp webhook',
      Timeout: 14,
      Environment: {
        Variables: Match.objectLike({ TWILIO_AUTH_TOKEN_SECRET: 'contact-router/dev/twilio-auth-token' }),
      },
    });
  });

  it('gives the intake the queues it routes to and the task flow it hands off on', () => {
    const queues = new Capture();
    const taskFlow = new Capture();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Retries failed hand-offs to Amazon Connect (every minute)',
      Environment: {
        Variables: Match.objectLike({ CONNECT_QUEUES: queues, CONNECT_TASK_FLOW_ID: taskFlow }),
      },
    });
    const json = JSON.stringify(queues.asObject());
    for (const queueId of Object.keys(built.policy.queues))
      expect(json).toContain(`\\"${queueId}\\":{\\"id\\":`);
    expect(JSON.stringify(taskFlow.asObject())).toMatch(/Flowstaskrouting[0-9A-F]+/);
  });

  it('gives the four doors that check PINs the pepper secret, and the hand-off retry neither it nor its name', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const described = (pattern: RegExp) =>
      functions.filter((f) => pattern.test(String(f.Properties.Description)));
    const doors = described(/Twilio (SMS|Voice)|Connect IVR|SES/);
    expect(doors).toHaveLength(4);
    for (const door of doors)
      expect(door.Properties.Environment.Variables.PIN_PEPPER_SECRET).toEqual({
        Ref: expect.stringMatching(/^DataPinPepper/),
      });
    expect(described(/hand-offs/)[0]?.Properties.Environment.Variables).not.toHaveProperty(
      'PIN_PEPPER_SECRET',
    );
    // TaskRouter's callbacks move cases; they never see a PIN.
    expect(described(/TaskRouter/)[0]?.Properties.Environment.Variables).not.toHaveProperty(
      'PIN_PEPPER_SECRET',
    );
    for (const role of ['twilioMessaging', 'twilioVoice', 'connectIvr', 'emailInbound'])
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: Match.stringLikeRegexp(`^${role}Role`) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
              Resource: { Ref: Match.stringLikeRegexp('^DataPinPepper') },
            }),
          ]),
        },
      });
    template.hasOutput('PinPepperSecretArn', { Value: { Ref: Match.stringLikeRegexp('^DataPinPepper') } });
  });

  it('lets the messaging door read only its own token, the PIN pepper and the table', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^twilioMessagingRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
            Resource: Match.objectLike({
              'Fn::Join': [
                '',
                Match.arrayWith([
                  Match.stringLikeRegexp('secret:contact-router/dev/twilio-auth-token-\\?{6}'),
                ]),
              ],
            }),
          }),
        ]),
      },
    });
  });
});

describe('ContactRouterStack Twilio webhooks', () => {
  it('routes POST /twilio/messaging, the voice webhooks, TaskRouter’s and the status callbacks to their Lambdas', () => {
    for (const routeKey of [
      'POST /twilio/messaging',
      'POST /twilio/voice',
      'POST /twilio/taskrouter',
      'POST /twilio/status',
    ])
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
    const twilioRoutes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).filter((r) =>
      String(r.Properties.RouteKey).includes(' /twilio/'),
    );
    expect(twilioRoutes).toHaveLength(4);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Twilio Voice webhook (TwiML)',
      Environment: {
        Variables: Match.objectLike({
          TWILIO_WORKFLOW_SID: 'WW00000000000000000000000000000001',
          LOYALTY_LINES: '["+14155550100"]',
        }),
      },
    });
  });

  it('logs access without caller numbers and throttles the stage', () => {
    const format = new Capture();
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: format },
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
    });
    expect(JSON.parse(format.asString())).not.toHaveProperty('caller');
  });
});

describe('ContactRouterStack email door', () => {
  it('stores raw mail in S3 then stops, for the support addresses, with TLS and scanning', () => {
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Recipients: ['help@support.example.com', 'bookings@support.example.com'],
        TlsPolicy: 'Require',
        ScanEnabled: true,
        Actions: [
          { S3Action: Match.objectLike({ ObjectKeyPrefix: 'inbound/' }) },
          { StopAction: { Scope: 'RuleSet' } },
        ],
      }),
    });
    template.hasResourceProperties('Custom::AWS', {
      Create: {
        'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('"action":"setActiveReceiptRuleSet"')])],
      },
    });
  });

  it('keeps raw mail encrypted and forgets it after the retention period', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'inbound/', ExpirationInDays: 90, Status: 'Enabled' }),
        ]),
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'raw-mail/' }),
    });
  });

  it('feeds the Lambda from SQS with a DLQ and partial batch responses', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 360,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('^emailInboundFunction') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({ Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbound/' }] } } }),
        ],
      },
    });
  });

  it('tells the email Lambda its sender, own addresses and signing secret, and lets it quarantine mail', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('SES inbound email'),
      Timeout: 60,
      Environment: {
        Variables: Match.objectLike({
          EMAIL_FROM: 'help@support.example.com',
          EMAIL_OWN_ADDRESSES: 'help@support.example.com,bookings@support.example.com',
          EMAIL_OWN_DOMAINS: 'support.example.com',
          QUARANTINE_PREFIX: 'quarantine/',
          REPLY_SIGNING_SECRET: { Ref: Match.stringLikeRegexp('^EmailReplySigningSecret') },
        }),
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^emailInboundRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['s3:GetObject', 's3:DeleteObject'] }),
          Match.objectLike({ Action: ['s3:PutObject', 's3:PutObjectTagging'] }),
        ]),
      },
    });
  });

  it('may send only from the domain identity', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^emailInboundRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: 'ses:SendRawEmail',
            Resource: {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':ses:us-east-1:111111111111:identity/support.example.com',
                ],
              ],
            },
            Condition: { StringLike: { 'ses:FromAddress': '*@support.example.com' } },
          },
        ]),
      },
    });
  });
});
