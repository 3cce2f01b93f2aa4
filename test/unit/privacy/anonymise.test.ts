import { describe, expect, it } from 'vitest';
import {
  anonymiseCase,
  anonymiseContact,
  anonymiseOutbound,
  isErasedCase,
  isErasedContact,
  isErasedOutbound,
  rawMailRefs,
} from '../../../functions/domain/privacy/anonymise';
import { aCase, aContact } from '../../integration/builders';

const AT = new Date('2025-06-10T09:00:00.000Z');

describe('anonymiseContact', () => {
  const record = aContact({
    from: 'ana@example.com',
    channel: 'email',
    text: 'Ana here, my flight lands late',
    subject: 'Late arrival',
    attachments: [
      's3://raw/inbound/abc',
      's3://raw/inbound/abc#attachment=1;type=image/png;size=1;name=passport.png',
    ],
    customerId: 'email:ana@example.com',
    customerName: 'Ana Silva',
    bookingRef: '1234567897',
    classification: {
      language: 'en',
      confidence: 0.9,
      topic: 'arrival_problem',
      urgent: true,
      bookingRef: '1234567897',
    },
    reply: {
      channel: 'email',
      to: 'ana@example.com',
      language: 'en',
      text: 'Dear Ana',
      disclosedBooking: true,
      messageId: 'email:abc:ack',
    },
  });

  it('drops every address, text, name and booking, and keeps what metrics count', () => {
    // Act
    const erased = anonymiseContact(record);
    // Assess
    const json = JSON.stringify(erased);
    for (const trace of ['ana@example.com', 'Ana', 'flight', 'Late arrival', 'passport', '1234567897'])
      expect(json).not.toContain(trace);
    expect(erased).toMatchObject({
      id: record.id,
      channel: 'email',
      receivedAt: record.receivedAt,
      caseNumber: record.caseNumber,
      verification: record.verification,
      decision: record.decision,
      classification: { topic: 'arrival_problem', urgent: true, language: 'en' },
      reply: { channel: 'email', language: 'en', messageId: 'email:abc:ack', to: '[erased]', text: '' },
    });
    expect(isErasedContact(erased)).toBe(true);
    expect(isErasedContact(record)).toBe(false);
  });

  it('names the raw message of an email once, without its attachment refs', () => {
    expect(rawMailRefs(record)).toEqual(['s3://raw/inbound/abc']);
    expect(rawMailRefs(aContact({ attachments: ['https://api.twilio.com/Media/ME1'] }))).toEqual([]);
  });
});

describe('anonymiseCase', () => {
  it('closes a waiting case, redacts the notes and keeps counts, topic, queue and times', () => {
    // Prepare
    const kase = aCase({
      ownerKey: 'cust-1',
      customerId: 'cust-1',
      bookingRef: '1234567897',
      contactCount: 3,
      firstResponseDueAt: '2025-06-01T14:00:00.000Z',
      timeline: [
        { type: 'opened', at: '2025-06-01T10:00:00.000Z', channel: 'sms' },
        {
          type: 'note',
          at: '2025-06-01T11:00:00.000Z',
          by: { kind: 'agent', id: 'a7' },
          note: 'Ana is upset',
        },
      ],
    });
    // Act
    const erased = anonymiseCase(kase, 'ER-1', AT);
    // Assess
    expect(JSON.stringify(erased)).not.toMatch(/cust-1|1234567897|Ana/);
    expect(erased).toMatchObject({
      ownerKey: 'erased:ER-1',
      status: 'closed',
      closedAt: AT.toISOString(),
      contactCount: 3,
      topic: kase.topic,
      queue: kase.queue,
      openedAt: kase.openedAt,
      firstResponseDueAt: '2025-06-01T14:00:00.000Z',
    });
    expect(erased.timeline.map((e) => e.type)).toEqual(['opened', 'note', 'note', 'closed']);
    expect(erased.timeline[1]).toMatchObject({ by: { kind: 'agent', id: 'a7' }, note: '[erased]' });
    expect(isErasedCase(erased)).toBe(true);
  });

  it('drops the booking a booking update’s event names, and keeps that the guest was told', () => {
    // Prepare
    const notified = {
      type: 'notified',
      at: AT.toISOString(),
      by: 'system',
      channel: 'sms',
      messageId: 'notify:1234567897:0a1b2c3d4e5f6a7b',
      note: 'refund: paid',
    } as const;
    const replied = { type: 'replied', at: AT.toISOString(), messageId: 'CR-1:reply:1' } as const;
    const kase = aCase({ status: 'resolved', timeline: [notified, replied] });
    // Act
    const [told, answered] = anonymiseCase(kase, 'ER-3', AT).timeline;
    // Assess
    expect(told).toEqual({
      type: 'notified',
      at: AT.toISOString(),
      by: 'system',
      channel: 'sms',
      note: '[erased]',
    });
    expect(answered).toEqual(replied);
  });

  it('leaves a resolved case resolved, with its resolution time', () => {
    const kase = aCase({ status: 'resolved', resolvedAt: '2025-06-02T10:00:00.000Z' });
    expect(anonymiseCase(kase, 'ER-2', AT)).toMatchObject({
      status: 'resolved',
      resolvedAt: '2025-06-02T10:00:00.000Z',
    });
  });

  it("keeps the satisfaction score for CSAT but not the guest's comment or the survey's address", () => {
    // Prepare
    const kase = aCase({
      status: 'resolved',
      survey: { id: 'S1', sentAt: '2025-06-02T10:00:00.000Z', channel: 'sms', to: '+33612345678' },
      satisfaction: {
        score: 2,
        comment: 'Camille here, the room was dirty',
        at: AT.toISOString(),
        surveyId: 'S1',
      },
    });

    // Act
    const erased = anonymiseCase(kase, 'ER-3', AT);

    // Assess
    expect(erased.satisfaction).toEqual({ score: 2, at: AT.toISOString(), surveyId: 'S1' });
    expect(erased.survey).toMatchObject({ id: 'S1', channel: 'sms', to: '[erased]' });
    expect(JSON.stringify(erased)).not.toMatch(/Camille|\+33612345678/);
  });
});

describe('anonymiseOutbound', () => {
  it('drops the address, words, template values and one-per key, and keeps the delivery figures', () => {
    // Prepare
    const sent = {
      id: 'SMS:SM1:ack',
      kind: 'acknowledgement' as const,
      caseNumber: 'C-1',
      channel: 'whatsapp' as const,
      to: 'whatsapp:+351911000111',
      language: 'pt' as const,
      text: 'Olá Ana, recebemos a sua mensagem',
      template: { purpose: 'case_update' as const, variables: { '1': 'Ana' } },
      automatic: true,
      onePer: 'ack:C-1:whatsapp:+351911000111',
      createdAt: '2025-06-01T10:00:00.000Z',
      status: 'delivered' as const,
      providerMessageId: 'SM0123',
      sentAt: '2025-06-01T10:00:01.000Z',
      error: 'unreachable +351911000111',
      updatedAt: '2025-06-01T10:00:05.000Z',
    };
    // Act
    const erased = anonymiseOutbound(sent);
    // Assess
    expect(JSON.stringify(erased)).not.toMatch(/351911000111|Ana|recebemos/);
    expect(erased).toMatchObject({
      id: sent.id,
      kind: 'acknowledgement',
      caseNumber: 'C-1',
      channel: 'whatsapp',
      status: 'delivered',
      providerMessageId: 'SM0123',
      sentAt: sent.sentAt,
    });
    expect(isErasedOutbound(erased)).toBe(true);
    expect(isErasedOutbound(sent)).toBe(false);
  });
});
