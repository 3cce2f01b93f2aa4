// Routing decisions per second on the default policy, against the same policy written as
// json-rules-engine rules, over the same varied inputs. Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import { Engine, type Event, type RuleProperties } from 'json-rules-engine';
import { type Booking, LOYALTY_TIERS } from '../functions/domain/booking';
import { type Classification, TOPICS } from '../functions/domain/classification';
import type { Customer } from '../functions/domain/customer';
import { LANGUAGES } from '../functions/domain/languages';
import { compilePolicy, toMinute } from '../functions/domain/routing/compile-policy';
import type { Staffing } from '../functions/domain/routing/decision';
import { loadRoutingPolicy } from '../functions/domain/routing/load-policy';
import type { RoutingPolicy } from '../functions/domain/routing/policy-schema';
import { route } from '../functions/domain/routing/route';
import { zoneClock } from '../functions/domain/routing/time-zone';
import { travelFacts } from '../functions/domain/routing/travel';

const policyFile = new URL('../policy/routing-policy.json', import.meta.url);
const policy = loadRoutingPolicy(JSON.parse(readFileSync(policyFile, 'utf8')));
const DAY = 86_400_000;

interface Input {
  readonly contact: { channel: 'email'; classification: Classification };
  readonly booking: Booking | undefined;
  readonly customer: Customer;
  readonly now: Date;
  readonly staffing: Staffing | undefined;
}

// Seeded (mulberry32), so every run measures the same inputs.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeInputs(count: number): Input[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const zones = ['Europe/Paris', 'Europe/London', 'Asia/Jakarta', 'America/Sao_Paulo', 'Asia/Shanghai'];
  const statuses = ['confirmed', 'confirmed', 'confirmed', 'pending', 'cancelled', 'completed', 'no_show'];
  const weekStart = Date.UTC(2026, 5, 8); // Monday 2026-06-08: `now` spreads over the following week
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return Array.from({ length: count }, () => {
    const now = weekStart + Math.floor(rnd() * 7 * 24 * 60) * 60_000;
    const tier = pick(LOYALTY_TIERS);
    const start = now + Math.floor((rnd() * 70 - 10) * DAY); // check-in from 10 days ago to 60 days ahead
    const stay = { checkIn: day(start), checkOut: day(start + (1 + Math.floor(rnd() * 10)) * DAY) };
    const status = pick(statuses);
    const bookingTier = rnd() < 0.3 ? pick(LOYALTY_TIERS) : tier;
    const language = rnd() < 0.03 ? 'ja' : pick(LANGUAGES);
    const classification = {
      language,
      confidence: 0.9,
      topic: pick(TOPICS),
      urgent: rnd() < 0.15,
      bookingRef: null,
    };
    // Built as one literal, as a store's unmarshalled record is: ~2× slower with object-spread bookings (V8 shapes).
    return {
      contact: { channel: 'email', classification: classification as Classification },
      booking:
        rnd() < 0.8
          ? ({
              reference: '1234567897',
              pinHash: 'x',
              status,
              checkIn: stay.checkIn,
              checkOut: stay.checkOut,
              propertyName: 'H',
              propertyTimeZone: pick(zones),
              guestName: 'G',
              language: 'en',
              tier: bookingTier,
              refundStatus: 'none',
              customerId: 'c',
              updatedAt: '',
            } as Booking)
          : undefined,
      customer: { id: 'c', name: 'G', phones: [], emails: [], language: 'en', tier, bookingRefs: [] },
      now: new Date(now),
      staffing: rnd() < 0.1 ? { [`${pick(LANGUAGES)}-team`]: 0 } : undefined,
    };
  });
}

type Params = Record<string, unknown>;
function is(fact: string, operator: string, value: unknown, params?: Params) {
  return { fact, operator, value, params };
}
type Condition = ReturnType<typeof is>;
const between = (fact: string, from: number, to: number, params?: Params) => [
  is(fact, 'greaterThanInclusive', from, params),
  is(fact, 'lessThan', to, params),
];

// The policy as rules. Each runtime fact is set by at most one rule (their conditions exclude each other),
// so rules of one priority level, which the engine evaluates concurrently, never race.
function policyRules(p: RoutingPolicy): RuleProperties[] {
  const rules: RuleProperties[] = [];
  const add = (priority: number, all: unknown[], type: string, set?: [string, unknown], params = {}) =>
    rules.push({
      priority,
      conditions: { all: all as Condition[] },
      event: { type, params },
      onSuccess: set && ((_e: Event, almanac) => almanac.addRuntimeFact(set[0], set[1])),
    });
  for (const [language, queue] of Object.entries(p.languages)) {
    add(100, [is('language', 'equal', language)], 'queue', ['queue', queue]);
  }
  add(100, [is('language', 'notIn', [...LANGUAGES])], 'queue', ['queue', p.languages[p.defaultLanguage]]);
  const arriving = {
    all: [
      is('hoursUntilCheckIn', 'greaterThanInclusive', 0),
      is('hoursUntilCheckIn', 'lessThanInclusive', p.urgency.arrivalWithinHours),
    ],
  };
  add(99, [{ any: [is('urgentFlag', 'equal', true), is('inStay', 'equal', true), arriving] }], 'urgent', [
    'urgent',
    true,
  ]);
  for (const [topic, rule] of Object.entries(p.topics)) {
    if (rule.critical === 'always') add(90, [is('topic', 'equal', topic)], 'critical');
    if (rule.critical === 'when_urgent')
      add(90, [is('topic', 'equal', topic), is('urgent', 'equal', true)], 'critical');
    add(90, [is('topic', 'equal', topic)], 'points', ['topicPoints', rule.points]);
  }
  for (const [tier, { points }] of Object.entries(p.tiers)) {
    add(90, [is('tier', 'equal', tier)], 'points', ['tierPoints', points]);
  }
  add(90, [is('urgent', 'equal', true)], 'points', ['urgentPoints', p.urgency.bonusPoints]);
  // Windows as exclusive bands (in stay; check-in hour bands), each worth the best window covering it.
  const best = (ok: (w: RoutingPolicy['travelWindows'][number]) => boolean) =>
    Math.max(0, ...p.travelWindows.filter(ok).map((w) => w.points));
  add(90, [is('inStay', 'equal', true)], 'points', ['windowPoints', best((w) => w.kind === 'in_stay')]);
  const bands = p.travelWindows
    .flatMap((w) => (w.kind === 'check_in_within' ? [w.hours] : []))
    .sort((a, b) => a - b);
  bands.forEach((hours, i) => {
    const points = best((w) => w.kind === 'check_in_within' && w.hours >= hours);
    const lower =
      i === 0
        ? is('hoursUntilCheckIn', 'greaterThanInclusive', 0)
        : is('hoursUntilCheckIn', 'greaterThan', bands[i - 1]);
    const conditions = [
      is('inStay', 'equal', false),
      lower,
      is('hoursUntilCheckIn', 'lessThanInclusive', hours),
    ];
    add(90, conditions, 'points', ['windowPoints', points]);
  });
  p.priorityThresholds.forEach((t, i) => {
    const above = p.priorityThresholds[i - 1];
    const range = above
      ? between('points', t.minPoints, above.minPoints)
      : [is('points', 'greaterThanInclusive', t.minPoints)];
    add(80, range, 'priority', undefined, { priority: t.priority });
  });
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  for (const [id, q] of Object.entries(p.queues)) {
    const tz = { timeZone: q.timeZone };
    const at = is('queue', 'equal', id);
    if (q.alwaysOpen) add(70, [at], 'weekly-open');
    add(70, [at, is('agents', 'lessThanInclusive', 0, { queue: id })], 'unstaffed');
    for (const date of Object.keys(q.holidays)) add(70, [at, is('localDate', 'equal', date, tz)], 'holiday');
    for (const [date, special] of Object.entries(q.specialHours)) {
      const onDate = is('localDate', 'equal', date, tz);
      add(70, [at, onDate], 'special-day');
      for (const r of special.ranges) {
        add(
          70,
          [at, onDate, ...between('localMinute', toMinute(r.open), toMinute(r.close), tz)],
          'special-open',
        );
      }
    }
    days.forEach((d, i) => {
      for (const r of q.hours[d] ?? []) {
        const [open, close] = [toMinute(r.open), toMinute(r.close)];
        // A range past midnight becomes two rules: the evening, and the next weekday's early hours.
        const pieces =
          close > open
            ? [[i, open, close]]
            : [
                [i, open, 1440],
                [(i + 1) % 7, 0, close],
              ];
        for (const [weekday = 0, from = 0, to = 0] of pieces) {
          const when = [is('localWeekday', 'equal', weekday, tz), ...between('localMinute', from, to, tz)];
          add(70, [at, ...when], 'weekly-open');
        }
      }
    });
  }
  return rules;
}

type Decide = (input: Input) => Promise<{ queue: string; priority: number }>;

// Same facts as route() gets: local time through the same zone clocks, the stay through travelFacts.
function rulesEngine(p: RoutingPolicy): Decide {
  const engine = new Engine(policyRules(p), { allowUndefinedFacts: true });
  const local = (params: Record<string, unknown>, almanac: { factValue<T>(id: string): Promise<T> }) =>
    almanac.factValue<number>('nowMs').then((ms) => zoneClock(String(params.timeZone))?.local(ms));
  engine.addFact('localWeekday', (params, almanac) => local(params, almanac).then((l) => l?.weekday));
  engine.addFact('localMinute', (params, almanac) => local(params, almanac).then((l) => l?.minute));
  engine.addFact('localDate', (params, almanac) =>
    local(params, almanac).then((l) => l && new Date(l.dayNumber * DAY).toISOString().slice(0, 10)),
  );
  engine.addFact('agents', (params, almanac) =>
    almanac.factValue<Staffing | undefined>('staffing').then((s) => s?.[String(params.queue)] ?? 1),
  );
  const parts = ['topicPoints', 'tierPoints', 'windowPoints', 'urgentPoints'];
  const sum = async (_: unknown, almanac: { factValue<T>(id: string): Promise<T> }) =>
    (await Promise.all(parts.map((f) => almanac.factValue<number>(f)))).reduce((a, b) => a + b, 0);
  engine.addFact('points', sum, { cache: false });
  const cp = compilePolicy(p);
  return async (input) => {
    const nowMs = input.now.getTime();
    const travel = input.booking ? travelFacts(cp, input.booking, nowMs) : undefined;
    const { language, topic, urgent } = input.contact.classification;
    const tier = input.booking?.tier ?? input.customer.tier;
    const stay = { inStay: travel?.inStay ?? false, hoursUntilCheckIn: travel?.hoursUntilCheckIn ?? -1 };
    const zero = { urgent: false, topicPoints: 0, tierPoints: 0, windowPoints: 0, urgentPoints: 0 };
    const facts = {
      language,
      topic,
      urgentFlag: urgent,
      tier,
      nowMs,
      staffing: input.staffing,
      ...stay,
      ...zero,
    };
    const { events, almanac } = await engine.run(facts);
    const has = (type: string) => events.some((e) => e.type === type);
    const queue = await almanac.factValue<string>('queue');
    const opening = has('special-day') ? has('special-open') : has('weekly-open');
    const open = !has('holiday') && opening && !has('unstaffed');
    const priority = has('critical')
      ? 1
      : Number(events.find((e) => e.type === 'priority')?.params?.priority);
    return { queue: open ? queue : p.fallbackQueue, priority };
  };
}

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
  for (const i of sample) {
    const ours = route(policy, i.contact, i.booking, i.customer, i.now, i.staffing);
    const theirs = await decide(i);
    if (theirs.queue === ours.queue && theirs.priority === ours.priority) agree++;
  }
  const fallbacks = inputs.filter(
    (i) => route(policy, i.contact, i.booking, i.customer, i.now, i.staffing).fallbackUsed,
  );
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  const rules = policyRules(policy).length;
  const pct = ((100 * agree) / sample.length).toFixed(2);
  console.log(
    `inputs: ${inputs.length} varied (10 languages + unknown, 4 tiers, 11 topics, now over a week)`,
  );
  console.log(`        ${fallbacks.length} of them go to the 24/7 fallback (team closed or unstaffed)`);
  console.log(`route():           ${fmt(routeRate)} decisions/s (one core, 3 s)`);
  console.log(`json-rules-engine: ${fmt(engineRate)} decisions/s (${rules} rules, ${sample.length} inputs)`);
  console.log(`ratio:             route() is ${(routeRate / engineRate).toFixed(0)}× json-rules-engine`);
  console.log(`agreement on queue and priority: ${agree}/${sample.length} (${pct}%)`);
}

await main();
