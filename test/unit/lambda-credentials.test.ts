import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../functions/shared/lambda-credentials';

afterEach(() => vi.unstubAllEnvs());

describe('the credential provider of deployed bundles', () => {
  it("resolves the role's credentials that Lambda puts in the environment", async () => {
    // Prepare
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session');

    // Act
    const credentials = await defaultProvider()();

    // Assess
    expect(credentials).toMatchObject({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'session',
    });
  });

  it('fails with the SDK credentials error when the environment has none', async () => {
    // Prepare
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);

    // Act
    const resolving = defaultProvider()();

    // Assess
    await expect(resolving).rejects.toMatchObject({ name: 'CredentialsProviderError' });
  });
});
