import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../functions/domain/languages';
import { fillTemplate, listTemplates } from '../../../functions/domain/replies/canned-templates';
import { TEMPLATE_TEXTS } from '../../../functions/domain/replies/template-texts';
import { aBooking } from '../../integration/builders';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('canned templates', () => {
  it('has every template in the ten languages with the same placeholders as in English', () => {
    for (const info of listTemplates())
      for (const language of LANGUAGES) {
        expect(TEMPLATE_TEXTS[language][info.id], `${info.id} in ${language}`).toBeTruthy();
        expect(slots(TEMPLATE_TEXTS[language][info.id]), `${info.id} in ${language}`).toEqual(
          slots(TEMPLATE_TEXTS.en[info.id]),
        );
      }
  });

  it('fills dates and property from the verified booking, written as the guest language writes dates', () => {
    // Prepare
    const booking = aBooking({ propertyName: 'Hôtel du Lac', checkIn: '2025-07-01', checkOut: '2025-07-04' });

    // Act
    const fr = fillTemplate('stay_dates', {
      caseNumber: 'CR-7K4M2Q',
      language: 'fr',
      verifiedBooking: booking,
    });
    const de = fillTemplate('stay_dates', {
      caseNumber: 'CR-7K4M2Q',
      language: 'de',
      verifiedBooking: booking,
    });

    // Assess
    expect(fr).toEqual({
      ok: true,
      id: 'stay_dates',
      text: 'Votre séjour à Hôtel du Lac a lieu du 1 juillet 2025 au 4 juillet 2025 (dossier CR-7K4M2Q).',
    });
    expect(de.ok && de.text).toBe(
      'Ihr Aufenthalt im Hôtel du Lac ist vom 1. Juli 2025 bis 4. Juli 2025 (Fall CR-7K4M2Q).',
    );
  });

  it('refuses a booking template on a case without a verified booking, and fills the case number alone', () => {
    // Act
    const dates = fillTemplate('stay_dates', { caseNumber: 'CR-7K4M2Q', language: 'en' });
    const plain = fillTemplate('looking_into_it', { caseNumber: 'CR-7K4M2Q', language: 'en' });

    // Assess
    expect(dates).toMatchObject({ ok: false, reason: 'needs_verified_booking' });
    expect(plain.ok && plain.text).toContain('(case CR-7K4M2Q)');
    expect(plain.ok && plain.text).not.toMatch(/[{}]/);
  });

  it('takes the agent placeholders from variables and nothing else from them', () => {
    const facts = { caseNumber: 'CR-7K4M2Q', language: 'es', verifiedBooking: aBooking() } as const;
    expect(fillTemplate('callback_at', facts, { time: '15:30' })).toMatchObject({
      ok: true,
      text: 'Le llamaremos a las 15:30 por el caso CR-7K4M2Q.',
    });
    expect(fillTemplate('callback_at', facts)).toMatchObject({ ok: false, reason: 'missing_variable' });
    expect(fillTemplate('stay_dates', facts, { property: 'Fake Inn' })).toMatchObject({
      ok: false,
      reason: 'unknown_variable',
      message: expect.stringMatching(/verified booking only/),
    });
    expect(fillTemplate('callback_at', facts, { time: '3pm\nsee link' })).toMatchObject({
      ok: false,
      reason: 'invalid_variable',
    });
    expect(fillTemplate('refund_now', facts)).toMatchObject({ ok: false, reason: 'unknown_template' });
  });
});
