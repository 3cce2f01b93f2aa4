// Routing decisions per second on the default policy, against the same policy written as
// json-rules-engine rules, over the same varied inputs. Prints figures; asserts nothing.
import { route } from '../functions/domain/routing/route';
import { type Input, makeInputs, policy } from './support/routing-inputs';
import { type Decide, policyRules, rulesEngine } from './support/rules-engine-policy';

function measureRoute(inputs: readonly Input[], seconds: number): number {
  let sink = 0;
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const i of inputs)
      sink += route(policy, i.contact, i.booking, i.customer, i.now, i.staffing).priority;
    done += inputs.length;
  }
  if (sink === 42) console.log(''); // keeps the loop's result alive
  return done / ((performance.now() - start) / 1000);
}

async function measureEngine(decide: Decide, inputs: readonly Input[]): Promise<number> {
  const start = performance.now();
  for (const input of inputs) await decide(input);
  return inputs.length / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const inputs = makeInputs(10_000);
  const decide = rulesEngine(policy);
  const sample = inputs.slice(0, 3_000);
  measureRoute(inputs, 1); // warm-up: JIT and the per-zone offset caches
  const routeRate = measureRoute(inputs, 3);
  await measureEngine(decide, inputs.slice(0, 300));
  const engineRate = await measureEngine(decide, sample);
  let agree = 0;
  let held = 0;
  for (const i of sample) {
    const ours = route(policy, i.contact, i.booking, i.customer, i.now, i.staffing);
    // The rules version has no hold window (holdWhenOpensWithinHours): compared on the rest only.
    if (ours.teamAway?.holdMinutes !== undefined) {
      held++;
      continue;
    }
    const theirs = await decide(i);
    if (theirs.queue === ours.queue && theirs.priority === ours.priority) agree++;
  }
  const fallbacks = inputs.filter(
    (i) => route(policy, i.contact, i.booking, i.customer, i.now, i.staffing).fallbackUsed,
  );
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  const rules = policyRules(policy).length;
  const compared = sample.length - held;
  const pct = ((100 * agree) / compared).toFixed(2);
  console.log(
    `inputs: ${inputs.length} varied (10 languages + unknown, 4 tiers, 11 topics, now over a week)`,
  );
  console.log(`        ${fallbacks.length} of them go to the 24/7 fallback (team closed or unstaffed)`);
  console.log(`route():           ${fmt(routeRate)} decisions/s (one core, 3 s)`);
  console.log(`json-rules-engine: ${fmt(engineRate)} decisions/s (${rules} rules, ${sample.length} inputs)`);
  console.log(`ratio:             route() is ${(routeRate / engineRate).toFixed(0)}× json-rules-engine`);
  console.log(
    `agreement on queue and priority: ${agree}/${compared} (${pct}%; ${held} held for their team left out)`,
  );
}

await main();
