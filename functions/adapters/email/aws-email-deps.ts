import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { TravelClassifier } from '../../domain/classify/travel-classifier';
import { EmailMessenger } from '../../domain/email/email-messenger';
import { messengerByChannel } from '../../domain/outbound/by-channel';
import { documentClient } from '../../shared/aws-hand-off';
import { awsIntakeDeps } from '../../shared/aws-intake';
import { awsSecret } from '../../shared/aws-secrets';
import { requiredEnv } from '../../shared/env';
import { automaticPerHour, outboundParts } from '../../shared/outbound';
import { readEmailSettings } from './email-settings';
import { hmacSigner } from './hmac-signer';
import type { StoredMailDeps } from './receive-stored-mail';
import { S3RawMailStore } from './s3-raw-mail-store';
import { SesMailer } from './ses-mailer';

/**
 * The email door's dependencies in AWS, built once per cold start; the signing key comes from Secrets
 * Manager (cached) on each call, so a rotated key lands without a deploy.
 */
export function awsEmailDeps(env: NodeJS.ProcessEnv): () => Promise<StoredMailDeps> {
  const intake = awsIntakeDeps(env, new TravelClassifier());
  const settings = readEmailSettings(env);
  const raw = new S3RawMailStore(new S3Client({}), env.QUARANTINE_PREFIX || 'quarantine/');
  const mailer = new SesMailer(new SESClient({}), {
    from: env.EMAIL_FROM_NAME ? `${env.EMAIL_FROM_NAME} <${settings.ourAddress}>` : settings.ourAddress,
    configurationSet: env.SES_CONFIGURATION_SET || undefined,
  });
  const signingKey = awsSecret(requiredEnv('REPLY_SIGNING_SECRET', env));
  const table = requiredEnv('TABLE_NAME', env);
  return async () => {
    const sign = hmacSigner(await signingKey());
    const email = new EmailMessenger({
      mailer,
      ourAddress: settings.ourAddress,
      sign,
      remember: (keys, ref) => intake.cases.rememberMessageIds(keys, ref),
    });
    const outbound = outboundParts(documentClient(), table, {
      messenger: messengerByChannel({ email }),
      cases: intake.cases,
      clock: intake.clock,
      perAddressPerHour: automaticPerHour({
        messaging: settings.perSenderPerHour,
        email: settings.perSenderPerHour,
      }),
    });
    return {
      intake,
      store: intake.cases,
      deliver: outbound.deliver,
      outbound: outbound.ledger,
      raw,
      quarantine: raw,
      sign,
      settings,
      maxBytes: settings.maxBytes,
    };
  };
}
