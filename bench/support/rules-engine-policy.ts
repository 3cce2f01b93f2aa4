// The default policy written as json-rules-engine rules: the peer route() is measured against.
import { Engine, type Event, type RuleProperties } from 'json-rules-engine';
import { LANGUAGES } from '../../functions/domain/languages';
import { compilePolicy, toMinute } from '../../functions/domain/routing/compile-policy';
import type { Staffing } from '../../functions/domain/routing/decision';
import type { RoutingPolicy } from '../../functions/domain/routing/policy-schema';
import { zoneClock } from '../../functions/domain/routing/time-zone';
import { travelFacts } from '../../functions/domain/routing/travel';
import { DAY, type Input } from './routing-inputs';

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
/** The policy as json-rules-engine rules. */
export function policyRules(p: RoutingPolicy): RuleProperties[] {
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

/** Decides one input the rules-engine way. */
export type Decide = (input: Input) => Promise<{ queue: string; priority: number }>;

// Same facts as route() gets: local time through the same zone clocks, the stay through travelFacts.
export function rulesEngine(p: RoutingPolicy): Decide {
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
