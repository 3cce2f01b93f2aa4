import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../../functions/domain/routing/holiday-calendar';
import { REPO_ROOT } from '../../infra/constructs/bundling';
import { HandlerFunction } from '../../infra/constructs/handler-function';

// Inside the repository, so the bundle's external @aws-sdk/* imports resolve as they do on Lambda.
const cache = join(REPO_ROOT, 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
const outdir = mkdtempSync(join(cache, 'infra-bundle-test-'));

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

// A calendar with one marked day, to find in the bundle.
const CALENDAR: HolidayCalendar = {
  from: '2031-01-01',
  until: '2031-12-31',
  teams: { 'fr-team': { until: '2031-12-31', days: { '2031-07-14': 'Fête nationale (baked)' } } },
};

describe('HandlerFunction bundling (real esbuild, no Docker)', () => {
  it('bundles the messaging door into minified ESM with a source map that loads in Node', async () => {
    // Prepare
    const app = new App({ outdir });
    const stack = new Stack(app, 'Bundle');
    new HandlerFunction(stack, 'Messaging', {
      entry: 'functions/handlers/twilio-messaging.ts',
      description: 'bundling test',
      timeout: Duration.seconds(14),
      environment: {},
      serviceName: 'twilioMessaging',
      metricsNamespace: 'ContactRouter/test',
      logRetention: RetentionDays.ONE_WEEK,
      production: false,
      holidayCalendar: CALENDAR,
    });

    // Act
    const template = Template.fromStack(stack);
    app.synth();

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
    });
    const assetDir = readdirSync(outdir)
      .filter((d) => d.startsWith('asset.'))
      .map((d) => join(outdir, d))
      .find((d) => existsSync(join(d, 'index.mjs')));
    expect(assetDir).toBeDefined();
    const bundle = join(assetDir as string, 'index.mjs');
    const code = readFileSync(bundle, 'utf8');
    expect(code.startsWith("import { createRequire as __crCreateRequire } from 'node:module';")).toBe(true);
    expect(code).toContain('//# sourceMappingURL=index.mjs.map');
    expect(existsSync(`${bundle}.map`)).toBe(true);
    expect(code.length / code.split('\n').length).toBeGreaterThan(2_000); // minified: long lines
    // The SDK is bundled and tree-shaken (scripts/tree-shakeable-sdk.mjs): the Connect operation we
    // call is in, one we never call is not, and the credential chain is the environment alone.
    expect(code).toContain('/contact/task');
    expect(code).not.toContain('/instance/{InstanceId}/bot');
    expect(code).not.toContain('AssumeRoleWithWebIdentity');
    // UTF-8 output: replies and cues in ten languages stay as written, not as 6-byte \u escapes.
    expect(code).toContain('我们已收到您的消息');
    expect(code).not.toMatch(/\\u6211/);
    expect(statSync(bundle).size).toBeGreaterThan(10_000);
    const loaded = (await import(pathToFileURL(bundle).href)) as { handler?: unknown };
    expect(typeof loaded.handler).toBe('function');
    // The holiday calendar computed at synthesis is in the bundle; date-holidays itself is not.
    expect(code).toContain('Fête nationale (baked)');
    expect(code).not.toContain('date-holidays');
    expect(code).not.toContain('moment-timezone');
  });
});
