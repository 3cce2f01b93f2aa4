import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { HostedZone, MxRecord } from 'aws-cdk-lib/aws-route53';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EmailIdentity, Identity, ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { S3, Stop } from 'aws-cdk-lib/aws-ses-actions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEFAULT_QUARANTINE_PREFIX } from '../../functions/wiring/email-inbound-env';
import { acknowledge, arnRef } from '../nag/acknowledge';
import { ReceiptRuleSetActivation } from './receipt-rule-set-activation';

/** Options for the email door's infrastructure. */
export interface EmailIntakeProps {
  readonly domain: string;
  readonly addresses: readonly string[];
  readonly hostedZoneId?: string;
  readonly createDomainIdentity: boolean;
  readonly activateReceiptRuleSet: boolean;
  readonly rawMailRetentionDays: number;
  readonly production: boolean;
  /** The email Lambda's timeout: the queue hides a message six times as long while it runs. */
  readonly consumerTimeout: Duration;
}

/** Where SES writes raw MIME; the S3 notification watches only this prefix. */
export const RAW_MAIL_PREFIX = 'inbound/';
/** Where the email Lambda moves mail it refuses to process (too big, unparseable): kept, never notified. */
export const QUARANTINE_PREFIX = DEFAULT_QUARANTINE_PREFIX;

/**
 * SES receiving for the support addresses: a receipt rule set (store raw MIME in S3, then stop),
 * an encrypted bucket that forgets mail after the retention period, and S3 → SQS (with a DLQ) for
 * the email Lambda, which reports failed records one by one. Also the domain identity for replies.
 */
export class EmailIntake extends Construct {
  readonly bucket: Bucket;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly ruleSet: ReceiptRuleSet;
  /** HMAC key of the signed reply references (REPLY_SIGNING_SECRET). */
  readonly replySigningSecret: Secret;
  /** arn:aws:ses:<region>:<account>:identity/<domain>: sending is granted on this only. */
  readonly identityArn: string;

  constructor(scope: Construct, id: string, props: EmailIntakeProps) {
    super(scope, id);
    // S3 server access logs delivered under a bucket policy, not the deprecated log-delivery ACL.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const removal = props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: removal,
      autoDeleteObjects: false,
    });
    this.bucket = new Bucket(this, 'RawMail', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'raw-mail/',
      lifecycleRules: [
        { prefix: RAW_MAIL_PREFIX, expiration: Duration.days(props.rawMailRetentionDays) },
        { prefix: QUARANTINE_PREFIX, expiration: Duration.days(props.rawMailRetentionDays) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: removal,
    });

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Notifications', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), {
      prefix: RAW_MAIL_PREFIX,
    });

    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', { dropSpam: false });
    this.ruleSet.addRule('StoreThenStop', {
      recipients: [...props.addresses],
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [new S3({ bucket: this.bucket, objectKeyPrefix: RAW_MAIL_PREFIX }), new Stop()],
    });
    new CfnOutput(this, 'ReceiptRuleSetName', {
      description:
        'aws ses set-active-receipt-rule-set --rule-set-name <this> (when not activated by the stack)',
      value: this.ruleSet.receiptRuleSetName,
    });
    if (props.activateReceiptRuleSet)
      new ReceiptRuleSetActivation(this, 'Activation', { ruleSetName: this.ruleSet.receiptRuleSetName });

    this.replySigningSecret = new Secret(this, 'ReplySigningSecret', {
      description: 'HMAC key of the signed reply references in acknowledgement emails',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: removal,
    });
    acknowledge(this.replySigningSecret, {
      id: 'AwsSolutions-SMG4',
      reason:
        'rotating this key would break the signed reply references in every acknowledgement already in customers’ mailboxes; it never leaves AWS and only the email Lambda may read it',
    });
    const stack = Stack.of(this);
    this.identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.domain });
    this.domainRecords(props);
  }

  /** Lets a consumer read (and delete) raw mail, quarantine it, receive from the queue (partial batch responses) and reply. */
  connect(fn: IFunction, fromDomain: string): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects(`${RAW_MAIL_PREFIX}*`)],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:PutObjectTagging'],
        resources: [this.bucket.arnForObjects(`${QUARANTINE_PREFIX}*`)],
      }),
    );
    this.replySigningSecret.grantRead(fn);
    if (fn.role)
      acknowledge(
        fn.role,
        ...[RAW_MAIL_PREFIX, QUARANTINE_PREFIX].map((prefix) => ({
          id: `AwsSolutions-IAM5[Resource::${arnRef(this.bucket)}/${prefix}*]`,
          reason:
            'SES names each raw message by its message id: the Lambda may touch objects under its two prefixes only',
        })),
      );
    fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(2),
        reportBatchItemFailures: true,
      }),
    );
    this.grantSend(fn, fromDomain);
  }

  /**
   * Lets a Lambda send mail through SES from an address of `fromDomain` on this domain's identity only:
   * SendRawEmail authorizes on the identity's ARN, and the ses:FromAddress condition limits the "From"
   * address ("Identity and access management in Amazon SES", SES developer guide).
   */
  grantSend(fn: IFunction, fromDomain: string): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendRawEmail'],
        resources: [this.identityArn],
        conditions: { StringLike: { 'ses:FromAddress': `*@${fromDomain}` } },
      }),
    );
  }

  private domainRecords(props: EmailIntakeProps): void {
    const zone = props.hostedZoneId
      ? HostedZone.fromHostedZoneAttributes(this, 'Zone', {
          hostedZoneId: props.hostedZoneId,
          zoneName: props.domain,
        })
      : undefined;
    if (props.createDomainIdentity) {
      const identity = new EmailIdentity(this, 'Identity', {
        identity: zone ? Identity.publicHostedZone(zone) : Identity.domain(props.domain),
      });
      if (!zone)
        identity.dkimRecords.forEach((r, i) => {
          new CfnOutput(this, `DkimRecord${i + 1}`, {
            description: `DKIM CNAME to add to ${props.domain}'s DNS`,
            value: `${r.name} CNAME ${r.value}`,
          });
        });
    }
    const inbound = `inbound-smtp.${Stack.of(this).region}.amazonaws.com`;
    if (zone) new MxRecord(this, 'Mx', { zone, values: [{ priority: 10, hostName: inbound }] });
    else
      new CfnOutput(this, 'MxRecord', {
        description: `MX record to add to ${props.domain}'s DNS`,
        value: `${props.domain} MX 10 ${inbound}`,
      });
  }
}
