import type { Channel } from '../../domain/contact';
import type { AwaitedSurvey, SurveyStore } from '../../domain/survey/survey-ports';
import { awaitedSurveyKey, surveyOwnerKey } from './keys';
import type { TableClient } from './table-client';
import { TTL_ATTRIBUTE, ttlSeconds } from './table-definition';

const DAY_SECONDS = 86_400;
// The owner item only matters during a cool-down; a year outlasts any sensible one.
const OWNER_TTL_SECONDS = 366 * DAY_SECONDS;

/** SurveyStore on the main table: one item per guest (cool-down), one per surveyed address. */
export class SurveyItems implements SurveyStore {
  constructor(private readonly table: TableClient) {}

  async claimSurvey(ownerKey: string, surveyId: string, at: Date, coolDownSince: Date): Promise<boolean> {
    const sentAt = at.toISOString();
    const put = await this.table.putUnless(
      'claim survey',
      {
        ...surveyOwnerKey(ownerKey),
        kind: 'survey-owner',
        surveyId,
        sentAt,
        [TTL_ATTRIBUTE]: ttlSeconds(sentAt) + OWNER_TTL_SECONDS,
      },
      'attribute_not_exists(pk) OR sentAt < :since OR surveyId = :mine',
      { ':since': coolDownSince.toISOString(), ':mine': surveyId },
    );
    return put.written;
  }

  async awaitAnswer(awaited: AwaitedSurvey): Promise<void> {
    await this.table.putUnless(
      'await survey answer',
      {
        ...awaitedSurveyKey(awaited.channel, awaited.address),
        kind: 'survey-wait',
        ...awaited,
        [TTL_ATTRIBUTE]: ttlSeconds(awaited.expiresAt),
      },
      // The latest survey to an address wins; an older one retried late must not replace it.
      'attribute_not_exists(pk) OR expiresAt <= :expires',
      { ':expires': awaited.expiresAt },
    );
  }

  async findAwaited(channel: Channel, address: string, now: Date): Promise<AwaitedSurvey | undefined> {
    const item = await this.table.get('find awaited survey', awaitedSurveyKey(channel, address), true);
    // DynamoDB's TTL deletes lazily (and dynalite never): an expired item is checked here.
    if (typeof item?.expiresAt !== 'string' || item.expiresAt <= now.toISOString()) return undefined;
    return {
      channel,
      address,
      caseNumber: String(item.caseNumber),
      surveyId: String(item.surveyId),
      expiresAt: item.expiresAt,
    };
  }
}
