import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../functions/domain/case';
import {
  boundedTimeline,
  fullTimeline,
  RECENT_CONTACT_EVENTS,
} from '../../../functions/domain/cases/full-timeline';
import type { ContactRecord } from '../../../functions/domain/ports';
import { aContact } from '../../integration/builders';
import { caseOf, OPENED } from './case-fixtures';

const at = (minute: number) => new Date(Date.parse(OPENED) + minute * 60_000).toISOString();
const contactEvent = (n: number): CaseEvent => ({ type: 'contact', at: at(n), contactId: `sms:SM${n}` });

describe('boundedTimeline', () => {
  it('keeps every lifecycle event and only the latest contact events', () => {
    // Prepare
    const opened: CaseEvent = { type: 'opened', at: at(0), contactId: 'sms:SM0' };
    const note: CaseEvent = { type: 'note', at: at(5), note: 'called the hotel' };
    const contacts = Array.from({ length: RECENT_CONTACT_EVENTS + 30 }, (_, i) => contactEvent(i + 1));

    // Act
    const kept = boundedTimeline([opened, ...contacts.slice(0, 10), note, ...contacts.slice(10)]);

    // Assess
    expect(kept.filter((e) => e.type === 'contact')).toEqual(contacts.slice(30));
    expect(kept[0]).toEqual(opened);
    expect(kept).toContainEqual(note);
  });

  it('leaves a short timeline as it is', () => {
    // Prepare
    const events = [{ type: 'opened' as const, at: at(0) }, contactEvent(1), contactEvent(2)];

    // Act
    const kept = boundedTimeline(events);

    // Assess
    expect(kept).toEqual(events);
  });
});

describe('fullTimeline', () => {
  it('restores the contact events a stored case no longer keeps, in time order, once each', () => {
    // Prepare: the stored case kept contact 3 only; contacts 1 to 3 are stored, 0 opened the case
    const kase = caseOf({
      timeline: [
        { type: 'opened', at: at(0), contactId: 'sms:SM0' },
        { type: 'note', at: at(2), note: 'on it' },
        contactEvent(3),
      ],
    });
    const contacts: ContactRecord[] = [0, 1, 2, 3].map((n) =>
      aContact({ id: `sms:SM${n}`, channel: 'sms', receivedAt: at(n), caseNumber: kase.caseNumber }),
    );

    // Act
    const timeline = fullTimeline(kase, contacts);

    // Assess
    expect(timeline.map((e) => [e.type, e.contactId])).toEqual([
      ['opened', 'sms:SM0'],
      ['contact', 'sms:SM1'],
      ['note', undefined],
      ['contact', 'sms:SM2'],
      ['contact', 'sms:SM3'],
    ]);
    expect(timeline[1]).toEqual({
      type: 'contact',
      at: at(1),
      by: 'guest',
      channel: 'sms',
      contactId: 'sms:SM1',
    });
  });
});
