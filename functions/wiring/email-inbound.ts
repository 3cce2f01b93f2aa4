import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { hmacSigner } from '../adapters/email/hmac-signer';
import type { StoredMailDeps } from '../adapters/email/receive-stored-mail';
import { S3RawMailStore } from '../adapters/email/s3-raw-mail-store';
import { SesMailer } from '../adapters/email/ses-mailer';
import { TravelClassifier } from '../domain/classify/travel-classifier';
import { EmailMessenger } from '../domain/email/email-messenger';
import { awsSecret } from '../shared/aws-secrets';
import { type EmailInboundSettings, readEmailInboundSettings } from './email-inbound-env';
import { doorOutbound, intakeDeps } from './intake';

/**
 * The email door's dependencies from its settings, built once per cold start; the signing key comes
 * from Secrets Manager (cached) on each call, so a rotated key lands without a deploy.
 */
export function emailInboundDeps(settings: EmailInboundSettings): () => Promise<StoredMailDeps> {
  const intake = intakeDeps(settings, new TravelClassifier());
  const email = settings.email;
  const raw = new S3RawMailStore(new S3Client({}), settings.quarantinePrefix);
  const mailer = new SesMailer(new SESClient({}), {
    from: settings.fromName ? `${settings.fromName} <${email.ourAddress}>` : email.ourAddress,
    configurationSet: settings.configurationSet,
  });
  const signingKey = awsSecret(settings.replySigningSecret);
  return async () => {
    const sign = hmacSigner(await signingKey());
    const messenger = new EmailMessenger({
      mailer,
      ourAddress: email.ourAddress,
      sign,
      remember: (ids, ref) => intake.cases.rememberMessageIds(ids, ref),
    });
    const outbound = doorOutbound(intake, settings.tableName, email.perSenderPerHour, { email: messenger });
    return {
      intake,
      store: intake.cases,
      deliver: outbound.deliver,
      outbound: outbound.ledger,
      raw,
      quarantine: raw,
      sign,
      settings: email,
      maxBytes: email.maxBytes,
    };
  };
}

/** The email-inbound Lambda's dependencies from its environment, read once at cold start. */
export function wireEmailInbound(env: NodeJS.ProcessEnv = process.env): () => Promise<StoredMailDeps> {
  return emailInboundDeps(readEmailInboundSettings(env));
}
