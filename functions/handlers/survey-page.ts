/**
 * Lambda: the survey page a mail survey's one-click links open (GET and POST /survey/{token} on the
 * Twilio webhook HTTP API, public on purpose: the guest's browser holds no credentials). The signed
 * token is the only authority and names one case's survey; the same code serves the local doors
 * (handlers/survey/answer-survey-page.ts).
 *
 * Environment (wiring/survey-page-env.ts): TABLE_NAME, CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID,
 * CONNECT_QUEUES, SURVEY_SIGNING_SECRET; POWERTOOLS_METRICS_NAMESPACE for the CSAT metrics (each answer
 * recorded writes SatisfactionScore and SatisfiedAnswers per queue and language: shared/case-metrics.ts).
 * IAM: DynamoDB read/write on the table; connect:StartTaskContact, UpdateContactRoutingData and
 * UpdateContactAttributes (a score of 1–2 reopens the case into its queue); secretsmanager:GetSecretValue
 * on the survey signing key.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CaseMetrics, observedAnswers } from '../shared/case-metrics';
import { logger } from '../shared/logger';
import { publishMetrics } from '../shared/metrics';
import { type SurveyPageDeps, wireSurveyPage } from '../wiring/survey-page';
import { errorAnswer } from './http/error-answer';
import { answerSurveyPage } from './survey/answer-survey-page';

// The comment is at most 1,000 characters: a form far larger than that is not our page's.
const MAX_FORM_BYTES = 16 * 1024;

/**
 * Builds the handler around a deps factory, called once per cold start (tests pass their own); each
 * answer the page records goes to `answers`.
 */
export function surveyPageHandler(makeDeps: () => SurveyPageDeps, answers = new CaseMetrics()) {
  let deps: SurveyPageDeps | undefined;
  return middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    deps ??= observed(makeDeps(), answers);
    const raw = event.body ?? '';
    const form = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    const method = event.requestContext.http.method;
    try {
      if (Buffer.byteLength(form) > MAX_FORM_BYTES) return { statusCode: 413, body: 'form too large' };
      const page = await answerSurveyPage(
        await deps(),
        { method, token: event.pathParameters?.token ?? '', form },
        new Date(),
      );
      // The status only: the token names a case's survey, the comment is the guest's.
      logger.info('survey page', { method, status: page.status });
      return { statusCode: page.status, headers: page.headers, body: page.body };
    } catch (error) {
      const answer = errorAnswer(error);
      logger.error('survey page failed', { error: (error as Error).name, reason: (error as Error).message });
      return {
        statusCode: answer.status,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'The survey could not be recorded just now; please try again later.',
      };
    }
  }).use(publishMetrics(answers));
}

function observed(deps: SurveyPageDeps, answers: CaseMetrics): SurveyPageDeps {
  return async () => {
    const made = await deps();
    return { ...made, cases: observedAnswers(made.cases, answers) };
  };
}

/** The deployed handler. */
export const handler = surveyPageHandler(() => wireSurveyPage(process.env));
