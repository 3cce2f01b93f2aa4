import { fileURLToPath } from 'node:url';
import { type BundlingOptions, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { HolidayCalendar } from '../../functions/domain/routing/holiday-calendar';
import { BAKED_CALENDAR_GLOBAL } from '../../functions/shared/baked-holidays';

/** The repository root, so entries and the lock file resolve the same from the CLI, tests and benches. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Packages swapped for our own module in every bundle (esbuild aliases): the SDK's credential chain
 * becomes the environment alone, which is where Lambda puts the role's credentials
 * (functions/shared/lambda-credentials.ts says why).
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  // Relative to the project root, the working directory of local and Docker bundling alike.
  '@aws-sdk/credential-provider-node': './functions/shared/lambda-credentials.ts',
};

/** Node's target for esbuild: the Lambda runtime's major version. */
export const LAMBDA_NODE_TARGET = 'node22';

/**
 * ESM needs `require` for the CommonJS packages that call it (twilio's webhooks need node:crypto),
 * so every bundle opens with a createRequire banner.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __crCreateRequire } from 'node:module'; const require = __crCreateRequire(import.meta.url);";

/**
 * The computed holiday calendar as an esbuild define: every bundle carries the days the CDK app
 * computed (the same object its Connect overrides come from), read by functions/shared/baked-holidays.ts,
 * so no Lambda carries date-holidays (~1.5 MB minified with its parser and moment-timezone).
 */
export function holidayDefine(calendar: HolidayCalendar): Record<string, string> {
  return { [`globalThis.${BAKED_CALENDAR_GLOBAL}`]: JSON.stringify(calendar) };
}

/**
 * How every handler is bundled: minified ESM for Node 22 with a source map (stack traces point at our
 * TypeScript once NODE_OPTIONS has --enable-source-maps), with the AWS SDK v3 bundled in and
 * tree-shaken (scripts/tree-shakeable-sdk.mjs, run after npm ci, is what lets esbuild drop the
 * operations we never call). Measured (`npm run bench -- bundle`): importing the SDK from one minified
 * file is 100–150 ms faster per cold start than loading the runtime's copy from hundreds of files, at
 * about +250 KB per bundle, and the SDK that deploys is the version the tests ran against. Output stays
 * UTF-8: esbuild's default escapes every non-ASCII character as \uXXXX (6 bytes), which made the
 * classifier's cues and the reply catalogue in ten languages 20–26 KB bigger per door and the email
 * door's charset tables 270 KB bigger. It goes through esbuildArgs because NodejsFunction drops its own
 * `charset` prop (aws/aws-cdk#32649; test/infra/bundling.test.ts checks the bytes). The bundle bench
 * builds with the same settings (and shows the runtime-SDK build next to it).
 */
export function handlerBundling(
  calendar: HolidayCalendar,
  overrides: Partial<BundlingOptions> = {},
): BundlingOptions {
  return {
    define: holidayDefine(calendar),
    format: OutputFormat.ESM,
    target: LAMBDA_NODE_TARGET,
    minify: true,
    sourceMap: true,
    sourceMapMode: SourceMapMode.DEFAULT,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: ESM_REQUIRE_BANNER,
    bundleAwsSDK: true,
    externalModules: [],
    forceDockerBundling: false,
    esbuildArgs: {
      '--alias': Object.entries(BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`),
      '--charset': 'utf8',
    },
    ...overrides,
  };
}

/** What marks the SDK external when a build leans on the Lambda runtime's copy (the bench's comparison). */
export const RUNTIME_SDK_EXTERNALS = ['@aws-sdk/*'];

/** The same settings as esbuild API options, for the bundle bench (it must measure what deploys). */
export function esbuildApiOptions(calendar: HolidayCalendar, minify = true) {
  const b = handlerBundling(calendar);
  return {
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: b.target,
    minify,
    charset: b.esbuildArgs?.['--charset'] === 'utf8' ? ('utf8' as const) : ('ascii' as const),
    sourcemap: true,
    sourcesContent: b.sourcesContent,
    mainFields: b.mainFields,
    banner: { js: b.banner ?? '' },
    external: b.externalModules,
    alias: { ...BUNDLE_ALIASES },
    define: b.define,
    absWorkingDir: REPO_ROOT,
    outExtension: { '.js': '.mjs' },
  };
}
