import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadRoutingPolicy } from '../../../functions/domain/routing/load-policy';
import type { RoutingPolicy } from '../../../functions/domain/routing/policy-schema';
import { readDeployConfig } from '../../../infra/config/deploy-config';
import { REPO_ROOT } from '../../../infra/constructs/bundling';
import { readFlowFiles, readKnownPlaceholders } from '../../../infra/constructs/flow-placeholders';
import { ContactRouterStack, type ContactRouterStackProps } from '../../../infra/stacks/contact-router-stack';
import { testHolidays } from '../../support/test-holidays';

/** The documented example context (cdk.context.example.json). */
export function exampleContext(): { environmentName: string; contactRouter: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.context.example.json'), 'utf8'));
}

/** The test flows (three small flows and their placeholders.json), for the substitution's own tests. */
export const FIXTURE_FLOWS = join(REPO_ROOT, 'test/infra/fixtures/flows');
/** The real flows the stack deploys. */
export const REAL_FLOWS = join(REPO_ROOT, 'contact-flows');

/** A handler that has not landed yet is stood in for by a tiny fixture, so the whole stack is tested. */
export const STAND_IN_HANDLER = 'test/infra/fixtures/stand-in-handler.ts';

function standIn(entry: string): string {
  return existsSync(join(REPO_ROOT, entry)) ? entry : STAND_IN_HANDLER;
}

/** Options for a test stack. */
export interface BuildOptions {
  readonly environmentName?: string;
  readonly flowsDir?: string;
  readonly resolveEntry?: ContactRouterStackProps['resolveEntry'];
  /** The routing policy (default: the shipped file with the tests' fixed holiday horizon). */
  readonly policy?: RoutingPolicy;
  /** Changes the example environment's configuration before it is validated. */
  readonly edit?: (env: Record<string, unknown>) => void;
}

/** The whole stack from the example context and the real policy, without bundling (fast). */
export function buildStack(options: BuildOptions = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const ctx = exampleContext();
  const environmentName = options.environmentName ?? 'dev';
  const env = structuredClone(ctx.contactRouter[environmentName]) as Record<string, unknown>;
  options.edit?.(env);
  const config = readDeployConfig({ [environmentName]: env }, environmentName);
  const policy =
    options.policy ??
    loadRoutingPolicy(
      JSON.parse(readFileSync(join(REPO_ROOT, 'policy/routing-policy.json'), 'utf8')),
      testHolidays,
    );
  const dir = options.flowsDir ?? REAL_FLOWS;
  const stack = new ContactRouterStack(app, `ContactRouter-${environmentName}`, {
    config,
    policy,
    flows: { files: readFlowFiles(dir), known: readKnownPlaceholders(join(dir, 'placeholders.json')) },
    overridesFrom: '2026-11-23',
    resolveEntry: options.resolveEntry ?? standIn,
  });
  return { app, stack, policy, config, template: () => Template.fromStack(stack) };
}
