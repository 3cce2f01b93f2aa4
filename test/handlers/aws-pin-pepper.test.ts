// The PIN check as the deployed doors build it (functions/wiring/intake.ts): the pepper comes from the Secrets
// Manager secret PIN_PEPPER_SECRET names (mocked at the SDK: Secrets Manager cannot run here).
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ScryptPinHasher } from '../../functions/adapters/crypto/scrypt-pin-hasher';
import { keypadClassifier } from '../../functions/domain/ivr/keypad-classifier';
import { intakeDeps } from '../../functions/wiring/intake';
import { readIntakeSettings } from '../../functions/wiring/shared-env';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { healthyAws, lambdaEnv, secretsMock, TEST_PEPPER } from '../support/lambda-env';

describe('the deployed doors’ PIN check', () => {
  let db: Dynalite;

  beforeAll(async () => {
    db = await startDynalite();
  });
  afterAll(() => db.stop());
  beforeEach(() => healthyAws('token-0123456789abcdef'));

  it('verifies PINs peppered with the stack’s secret, reading the secret once', async () => {
    // Prepare: a booking PIN as `npm run import -- … --table` stores it
    const stored = await new ScryptPinHasher({ N: 2 ** 10, r: 8, p: 1 }, async () => TEST_PEPPER).hash(
      '2468',
    );
    const { pinHasher } = intakeDeps(readIntakeSettings(lambdaEnv(db)), keypadClassifier);
    // Act
    const right = await pinHasher.verify('2468', stored);
    const wrong = await pinHasher.verify('2467', stored);
    // Assess
    expect([right, wrong]).toEqual([true, false]);
    expect(secretsMock).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
  });

  it('fails the cold start naming PIN_PEPPER_SECRET when the stack did not set it', () => {
    const { PIN_PEPPER_SECRET: _unset, ...env } = lambdaEnv(db);
    expect(() => readIntakeSettings(env)).toThrow('PIN_PEPPER_SECRET');
  });
});
