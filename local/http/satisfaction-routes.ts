import { csatSummary } from '../../functions/domain/survey/csat';
import type { LocalApp } from '../app';
import type { Route } from './router';

// Enough cases for a local runtime's summary; the AWS dashboard has the EMF metrics instead.
const SUMMARY_CASES = 1000;

/** Satisfaction per queue and language for the console (agents' replies are in the shared agent routes). */
export function satisfactionRoutes(app: LocalApp): Route[] {
  return [
    [
      'GET',
      '/api/satisfaction',
      async () => ({ status: 200, body: csatSummary(await app.cases.listCases(SUMMARY_CASES)) }),
    ],
  ];
}
