/**
 * What deployed bundles use in place of @aws-sdk/credential-provider-node (an esbuild alias set in
 * infra/constructs/bundling.ts). Lambda always hands a function its role's credentials in
 * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, and the SDK's default chain tries the
 * environment first, so on Lambda both resolve the same credentials. The full chain also brings SSO,
 * STS, ini files and instance metadata: 116 KB per bundle and about 8 ms of every cold start that
 * Lambda never uses. Local runs and tests are not bundled and keep the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** The SDK's default credential provider, reduced to the environment (the only source on Lambda). */
export function defaultProvider(init: Parameters<typeof fromEnv>[0] = {}) {
  return fromEnv(init);
}
