import type { MoveCase } from '../adapters/connect/task-event-sync';
import { DynamoBookingStore } from '../adapters/dynamodb/booking-store';
import type { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { SurveyItems } from '../adapters/dynamodb/survey-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { Case } from '../domain/case';
import type { Clock } from '../domain/ports';
import type { RoutingPolicy } from '../domain/routing/policy-schema';
import { type SurveyReport, surveyAfterResolve } from '../handlers/agent/survey-after-resolve';
import { logger } from '../shared/logger';
import type { OutboundParts } from '../shared/outbound';
import type { CaseLambdaClients } from './aws-clients';
import type { GuestOutboundSettings } from './guest-outbound-env';
import { wireMessengers, wireOutbound } from './messenger-env';
import { wireSurveyLinks } from './survey-env';

/** What a Lambda that answers guests holds: deliver over the messengers, the bookings, the survey after a resolve. */
export interface GuestOutbound {
  readonly outbound: OutboundParts;
  readonly bookings: DynamoBookingStore;
  readonly afterResolve: (kase: Case) => Promise<SurveyReport>;
}

/** Wires deliver (Twilio, SES) and the survey a resolve offers, for the agent API and the Connect events alike. */
export function wireGuestOutbound(
  settings: GuestOutboundSettings & { readonly tableName: string },
  parts: { readonly cases: DynamoCaseStore; readonly policy: RoutingPolicy; readonly clock: Clock },
  clients: CaseLambdaClients,
): GuestOutbound {
  const { cases, policy, clock } = parts;
  const messenger = wireMessengers(settings.messengers, {
    ses: clients.ses,
    secret: clients.secret,
    remember: (ids, ref) => cases.rememberMessageIds(ids, ref),
  });
  const outbound = wireOutbound(settings.messengers, messenger, {
    dynamo: clients.dynamo,
    tableName: settings.tableName,
    cases,
    clock,
  });
  const afterResolve = surveyAfterResolve({
    cases,
    surveys: new SurveyItems(new TableClient(clients.dynamo, settings.tableName)),
    deliver: outbound.deliver,
    policy,
    clock,
    links: wireSurveyLinks(settings.surveyLinks, clients.secret),
  });
  return { outbound, bookings: new DynamoBookingStore(clients.dynamo, settings.tableName), afterResolve };
}

/**
 * Moves cases like `moveCase`, and after a move resolved a case offers its satisfaction survey (at most
 * one per resolution: a repeated move changes nothing and sends nothing). The survey never fails the
 * move: the case is resolved either way, and a send that failed is sent again by the sweep's replay.
 */
export function surveyAfterResolving(
  moveCase: MoveCase,
  cases: Pick<DynamoCaseStore, 'getCase'>,
  afterResolve: GuestOutbound['afterResolve'],
): MoveCase {
  return async (caseNumber, action, who, at) => {
    const moved = await moveCase(caseNumber, action, who, at);
    if (!moved.ok || action.type !== 'resolve') return moved;
    const kase = await cases.getCase(caseNumber);
    if (kase) {
      // Where and how, never to whom: the address is the guest's.
      const survey = await afterResolve(kase);
      logger.info('survey after resolve', {
        caseNumber,
        sent: survey.sent,
        ...(survey.sent ? { channel: survey.channel, delivery: survey.delivery } : {}),
        reason: survey.reason,
      });
    }
    return moved;
  };
}
