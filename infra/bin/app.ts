// `cdk synth` / `cdk deploy` entry: reads the environment name from context and wires the stack.
import { App } from 'aws-cdk-lib';
import { ContactRouterStack } from '../stacks/contact-router-stack';

const app = new App();
const environmentName = String(app.node.tryGetContext('environmentName') ?? 'dev');
new ContactRouterStack(app, `ContactRouter-${environmentName}`, {
  environmentName,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
