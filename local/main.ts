// `npm start`: the whole contact router on this machine, with its embedded defaults.
import { DomainError } from '../functions/domain/errors';
import { ConfigError, readConfig } from './config';
import { startRuntime } from './runtime';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

async function main(): Promise<void> {
  const config = readConfig();
  const runtime = await startRuntime(config, (line) => console.error(line));
  const { url, app } = runtime;
  console.log(
    `Contact router running at ${url}  (operator API and console, this machine only; ${Object.keys(app.policy.queues).length} queues)`,
  );
  console.log(
    `  clock        ${app.clock.now().toISOString()}${config.startAt ? '  (CONTACT_ROUTER_NOW)' : ''}`,
  );
  console.log(
    `  data         ${config.dataDir}  (embedded DynamoDB at ${app.dynamoEndpoint}${config.dataDir === 'memory' ? '' : '; runtime.json tells the CLIs where this runtime is'})`,
  );
  console.log(`  policy       ${config.policyFile}`);
  console.log(
    `  demo data    ${runtime.seeded > 0 ? `${runtime.seeded} bookings imported` : 'already there'}`,
  );
  for (const line of runtime.banner) console.log(`  ${line}`);
  console.log(`  try          curl ${url}/health`);
  console.log(`               curl ${url}/api/queues`);
  console.log(
    `               curl -X POST ${url}/api/contacts -H 'content-type: application/json' -d '{"channel":"sms","from":"+33612345678","text":"La réception est fermée, je suis devant l’hôtel"}'`,
  );
  console.log('Press Ctrl-C to stop.');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    runtime.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DomainError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error('Cannot start:', error);
  }
  process.exit(1);
});
