import defaultPolicy from '../../policy/routing-policy.json';
import { ConnectContactCenter } from '../adapters/connect/connect-contact-center';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { CaseTaskItems } from '../adapters/dynamodb/case-task-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { SurveyLinkDeps } from '../domain/survey/answer-by-link';
import { bakedHolidayCalendar } from '../shared/baked-holidays';
import { trustedRoutingPolicy } from '../shared/trusted-config';
import { type CaseLambdaClients, defaultCaseLambdaClients } from './aws-clients';
import { wireSurveySigner } from './survey-env';
import { readSurveyPageSettings } from './survey-page-env';

/** What the survey page needs per request: its deps with the signing key read (cached for minutes). */
export type SurveyPageDeps = () => Promise<SurveyLinkDeps>;

/**
 * The survey page in AWS, from the Lambda's environment (read once, at cold start): the DynamoDB case
 * store, Amazon Connect for the task a low score reopens the case with, and the signing key.
 */
export function wireSurveyPage(
  env: NodeJS.ProcessEnv,
  clients: Pick<CaseLambdaClients, 'dynamo' | 'connect' | 'secret'> = defaultCaseLambdaClients(),
): SurveyPageDeps {
  const settings = readSurveyPageSettings(env);
  const cases = new DynamoCaseStore(clients.dynamo, settings.tableName);
  const tasks = new CaseTaskItems(new TableClient(clients.dynamo, settings.tableName));
  const center = new ConnectContactCenter(clients.connect, settings.connect, tasks);
  const policy = trustedRoutingPolicy(defaultPolicy, bakedHolidayCalendar());
  const signer = wireSurveySigner(settings.surveyLinks, clients.secret);
  return async () => ({ cases, center, policy, sign: await signer() });
}
