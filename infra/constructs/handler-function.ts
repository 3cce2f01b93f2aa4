import { join } from 'node:path';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HolidayCalendar } from '../../functions/domain/routing/holiday-calendar';
import { acknowledge } from '../nag/acknowledge';
import { handlerBundling, REPO_ROOT } from './bundling';

/** What differs between the router's Lambdas; everything else is a shared secure default. */
export interface HandlerFunctionProps {
  /** Entry file relative to the repository root, e.g. functions/handlers/twilio-messaging.ts. */
  readonly entry: string;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize?: number;
  /** The handler's own settings (its top TSDoc lists them). */
  readonly environment: Record<string, string>;
  /** Powertools service name: one per door, so logs and metrics say which door spoke. */
  readonly serviceName: string;
  /** EMF namespace the handler's metrics go to (see infra/constructs/metrics-contract.ts). */
  readonly metricsNamespace: string;
  readonly logRetention: RetentionDays;
  readonly production: boolean;
  /** The holiday calendar computed at synthesis, baked into the bundle (the policy's `calendar`). */
  readonly holidayCalendar: HolidayCalendar;
}

/**
 * What every Lambda's environment carries besides its own contract's (functions/wiring/<lambda>-env.ts):
 * source maps, Powertools' service, namespace and log level, the SDK's Node-version warning off.
 */
export function runtimeEnvironment(
  props: Pick<HandlerFunctionProps, 'serviceName' | 'metricsNamespace' | 'production'>,
): Record<string, string> {
  return {
    NODE_OPTIONS: '--enable-source-maps',
    POWERTOOLS_SERVICE_NAME: props.serviceName,
    POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
    LOG_LEVEL: props.production ? 'INFO' : 'DEBUG',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/**
 * One Lambda of the router: Node.js 22 on ARM64, bundled by esbuild (minified ESM with source maps),
 * its own log group with retention, and its own role that may write only to that log group until the
 * stack grants it exactly what its handler documents.
 */
export class HandlerFunction extends Construct {
  /** The function. */
  readonly fn: NodejsFunction;
  /** Its log group (kept in production so an incident's logs outlive a stack deletion). */
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.serviceName}: writes its own logs; other grants are added per dependency`,
    });
    this.logGroup.grantWrite(role);
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      description: props.description,
      role,
      logGroup: this.logGroup,
      bundling: handlerBundling(props.holidayCalendar),
      environment: { ...props.environment, ...runtimeEnvironment(props) },
    });
    acknowledge(this.fn, {
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22.x on purpose: the closest Lambda runtime to the Node 20 every test runs on here; the code runs on both and moves to 24.x once tested on it',
    });
  }
}
