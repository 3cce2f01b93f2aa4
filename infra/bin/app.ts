// `cdk synth` / `cdk deploy` entry: reads the configuration from context, the routing policy and the
// contact flows from the repository, wires the stack and runs cdk-nag's AwsSolutions checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { rollingHolidaySource } from '../../functions/adapters/holidays/date-holidays-calendar';
import { loadRoutingPolicy } from '../../functions/domain/routing/load-policy';
import { readDeployConfig } from '../config/deploy-config';
import { checkBundledConfig } from '../constructs/bundled-config-check';
import { REPO_ROOT } from '../constructs/bundling';
import { readFlowFiles, readKnownPlaceholders } from '../constructs/flow-placeholders';
import { ContactRouterStack } from '../stacks/contact-router-stack';

const app = new App();
// A fresh clone has no cdk.context.json: synthesize the documented example so `npm run synth` works.
const example = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.context.example.json'), 'utf8'));
const environmentName = String(app.node.tryGetContext('environmentName') ?? example.environmentName);
const contactRouter = app.node.tryGetContext('contactRouter') ?? example.contactRouter;
const config = readDeployConfig(contactRouter, environmentName);
// Public holidays for the next 12 months from today (date-holidays): the Connect overrides and the
// calendar baked into every Lambda come from this one computation; redeploy at least yearly.
const policy = loadRoutingPolicy(
  JSON.parse(readFileSync(join(REPO_ROOT, 'policy/routing-policy.json'), 'utf8')),
  rollingHolidaySource(new Date()),
);
// The Lambdas read the bundled policy and phone lines without zod: a bad file stops synthesis here.
checkBundledConfig(REPO_ROOT, policy.calendar);
const flowsDir = join(REPO_ROOT, 'contact-flows');
new ContactRouterStack(app, `ContactRouter-${environmentName}`, {
  config,
  policy,
  flows: {
    files: readFlowFiles(flowsDir),
    known: readKnownPlaceholders(join(flowsDir, 'placeholders.json')),
  },
  description: `Contact router (${environmentName}): Connect, Twilio and SES doors over one intake`,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
