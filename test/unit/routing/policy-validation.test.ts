import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors';
import { loadRoutingPolicy } from '../../../functions/domain/routing/load-policy';
import { routingPolicyJsonSchemaText } from '../../../functions/domain/routing/policy-json-schema';
import { testHolidays } from '../../support/test-holidays';
import { defaultPolicyJson, repoPath } from './routing-fixtures';

// biome-ignore lint/suspicious/noExplicitAny: the tests break arbitrary fields of a JSON copy on purpose.
type Json = Record<string, any>;

// Loads a broken copy of the shipped policy and returns the ValidationError it raises.
function errorOf(breakIt: (policy: Json) => void): ValidationError {
  const policy = structuredClone(defaultPolicyJson()) as Json;
  breakIt(policy);
  try {
    loadRoutingPolicy(policy, testHolidays);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the broken policy loaded');
}

describe('routing policy loading', () => {
  it('loads the shipped default policy with ten languages and a 24/7 fallback', () => {
    // Act
    const policy = loadRoutingPolicy(defaultPolicyJson(), testHolidays);
    // Assess
    expect(Object.keys(policy.languages)).toHaveLength(10);
    expect(policy.queues[policy.fallbackQueue]?.alwaysOpen).toBe(true);
    expect(Object.isFrozen(policy.queues)).toBe(true);
  });

  it.each([
    [
      'a bad time zone',
      (p: Json) => (p.queues['fr-team'].timeZone = 'Europe/Pariss'),
      'queues.fr-team.timeZone',
      'unknown time zone "Europe/Pariss"',
    ],
    [
      'a bad HH:MM',
      (p: Json) => (p.queues['fr-team'].hours.mon[0].open = '8h'),
      'queues.fr-team.hours.mon[0].open',
      'expected HH:MM',
    ],
    [
      'a close of 25:00',
      (p: Json) => (p.queues['de-team'].hours.tue[0].close = '25:00'),
      'queues.de-team.hours.tue[0].close',
      'expected HH:MM',
    ],
    [
      'an unknown queue',
      (p: Json) => (p.languages.nl = 'dutch-team'),
      'languages.nl',
      'unknown queue "dutch-team"',
    ],
    ['a missing language', (p: Json) => delete p.languages.id, 'languages.id', 'required'],
    ['a missing fallback', (p: Json) => delete p.fallbackQueue, 'fallbackQueue', 'required'],
    [
      'an unknown fallback',
      (p: Json) => (p.fallbackQueue = 'nobody'),
      'fallbackQueue',
      'unknown queue "nobody"',
    ],
    [
      'a fallback with hours',
      (p: Json) => (p.queues['global-247'].alwaysOpen = false),
      'queues.global-247.alwaysOpen',
      'must be alwaysOpen',
    ],
    ['a wrong type', (p: Json) => (p.tiers.gold.points = 'two'), 'tiers.gold.points', 'expected number'],
    [
      'a bad holiday date',
      (p: Json) => (p.queues['it-team'].holidays.closures = { '2026-02-30': 'Nope' }),
      'queues.it-team.holidays.closures.2026-02-30',
      'no such date',
    ],
    [
      'a malformed date key',
      (p: Json) => (p.queues['it-team'].holidays.closures = { '25/12/2026': 'Natale' }),
      'queues.it-team.holidays.closures.25/12/2026',
      'expected YYYY-MM-DD',
    ],
    [
      'a holiday list in the old date → name form',
      (p: Json) => (p.queues['it-team'].holidays = { '2028-12-25': 'Natale' }),
      'queues.it-team.holidays',
      '2028-12-25',
    ],
    [
      'a lower-case country',
      (p: Json) => (p.queues['fr-team'].holidays.country = 'fr'),
      'queues.fr-team.holidays.country',
      'ISO 3166-1',
    ],
    [
      'a country the calendar library does not know',
      (p: Json) => (p.queues['fr-team'].holidays.country = 'XX'),
      'queues.fr-team.holidays.country',
      'date-holidays has no calendar for "XX"',
    ],
    [
      'a region the country does not have',
      (p: Json) => (p.queues['de-team'].holidays.region = 'ZZ'),
      'queues.de-team.holidays.region',
      'known: BB, BE, BW, BY',
    ],
    [
      'a region without its country',
      (p: Json) => (p.queues['global-247'].holidays = { region: 'BY' }),
      'queues.global-247.holidays.region',
      'a region needs its country',
    ],
    [
      'an unknown holiday type',
      (p: Json) => (p.queues['fr-team'].holidays.closedOn = ['public', 'religious']),
      'queues.fr-team.holidays.closedOn[1]',
      'Invalid option',
    ],
    [
      'an unknown queue language',
      (p: Json) => (p.queues['ru-team'].language = 'uk'),
      'queues.ru-team.language',
      'Invalid option',
    ],
    [
      'non-monotonic thresholds',
      (p: Json) => (p.priorityThresholds[1].minPoints = 9),
      'priorityThresholds[1].minPoints',
      'must decrease',
    ],
    [
      'a hold window of no time',
      (p: Json) => (p.queues['fr-team'].holdWhenOpensWithinHours = 0),
      'queues.fr-team.holdWhenOpensWithinHours',
      'expected more than 0 hours',
    ],
    [
      'a hold window longer than three days',
      (p: Json) => (p.queues['fr-team'].holdWhenOpensWithinHours = 100),
      'queues.fr-team.holdWhenOpensWithinHours',
      'expected at most 72 hours',
    ],
    [
      'a hold window written as text',
      (p: Json) => (p.queues['fr-team'].holdWhenOpensWithinHours = '2h'),
      'queues.fr-team.holdWhenOpensWithinHours',
      'expected a number of hours',
    ],
    [
      'a shedding threshold for an unknown queue',
      (p: Json) => (p.loadShedding.queues['jp-team'] = { waitingCases: 10 }),
      'loadShedding.queues.jp-team',
      'unknown queue "jp-team"',
    ],
    [
      'a shedding threshold of no cases',
      (p: Json) => (p.loadShedding.waitingCases = 0),
      'loadShedding.waitingCases',
      'expected at least 1 waiting case',
    ],
    [
      'a fractional shedding threshold',
      (p: Json) => (p.loadShedding.queues['global-247'].waitingCases = 12.5),
      'loadShedding.queues.global-247.waitingCases',
      'expected a whole number of waiting cases',
    ],
    [
      'minutes per case written as text',
      (p: Json) => (p.loadShedding.minutesPerCase = '5 min'),
      'loadShedding.minutesPerCase',
      'expected a number of minutes',
    ],
    [
      'a typo in a field name',
      (p: Json) => (p.queues['fr-team'].alwaysopen = true),
      'queues.fr-team',
      'alwaysopen',
    ],
  ])('reports %s at the path of the bad field', (_kind, breakIt, path, message) => {
    // Act
    const error = errorOf(breakIt);
    // Assess
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).toContain(message);
  });

  it('commits the JSON Schema generated from the zod schema (run `npm run schema` after changing it)', () => {
    // Act
    const committed = readFileSync(repoPath('policy/routing-policy.schema.json'), 'utf8');
    // Assess
    expect(committed).toBe(routingPolicyJsonSchemaText());
  });
});
