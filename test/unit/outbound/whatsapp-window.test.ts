import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../functions/domain/languages';
import type { OutboundMessage } from '../../../functions/domain/outbound/messenger';
import type { WhatsAppTemplates } from '../../../functions/domain/outbound/whatsapp-templates';
import { WHATSAPP_WINDOW_MS, whatsAppForm } from '../../../functions/domain/outbound/whatsapp-window';

const NOW = new Date('2026-11-23T21:10:00.000Z');
const HOUR = 60 * 60 * 1000;
const TEMPLATES: WhatsAppTemplates = {
  agent_reply: { en: 'HX0123456789abcdef0123456789abcdef', fr: 'HXfedcba9876543210fedcba9876543210' },
  survey: { fr: 'HX11111111111111111111111111111111' },
};

const reply = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'CR-7K4M2Q:reply:1',
  kind: 'agent_reply',
  caseNumber: 'CR-7K4M2Q',
  channel: 'whatsapp',
  to: '+33612345678',
  language: 'fr',
  text: 'Bonjour Camille,\n\nla clé est au coffre, code 4821.',
  automatic: false,
  agentId: 'ana',
  createdAt: NOW.toISOString(),
  ...over,
});

const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('whatsAppForm (the 24-hour window)', () => {
  it('sends free text to a guest who wrote less than 24 hours ago', () => {
    expect(whatsAppForm(reply(), ago(23 * HOUR), NOW, TEMPLATES)).toEqual({ form: 'text' });
  });

  it('sends the purpose’s template with the case number and the text on one line once the window closed', () => {
    // Act
    const form = whatsAppForm(reply(), ago(30 * HOUR), NOW, TEMPLATES);
    // Assess
    expect(form).toEqual({
      form: 'template',
      template: {
        purpose: 'agent_reply',
        variables: { '1': 'CR-7K4M2Q', '2': 'Bonjour Camille, la clé est au coffre, code 4821.' },
      },
    });
  });

  it('refuses, naming purpose, language and config key, when no template is configured', () => {
    const form = whatsAppForm(reply({ language: 'de' }), ago(30 * HOUR), NOW, TEMPLATES);
    expect(form).toEqual({ refused: expect.stringContaining('whatsAppTemplates.agent_reply.de') });
    expect((form as { refused: string }).refused).toContain('the guest last wrote at');
  });

  it('needs a template for a guest who never wrote on WhatsApp', () => {
    expect(whatsAppForm(reply(), undefined, NOW, TEMPLATES)).toMatchObject({ form: 'template' });
    expect(whatsAppForm(reply(), undefined, NOW, {})).toEqual({
      refused: expect.stringContaining('never wrote on WhatsApp'),
    });
  });

  it('keeps the producer’s template and variables, and sends text inside the window when it is not configured', () => {
    const survey = reply({
      kind: 'survey',
      automatic: true,
      template: { purpose: 'survey', variables: { '1': 'Camille', '2': 'CR-7K4M2Q' } },
    });
    expect(whatsAppForm(survey, ago(HOUR), NOW, TEMPLATES)).toEqual({
      form: 'template',
      template: survey.template,
    });
    expect(whatsAppForm({ ...survey, language: 'en' }, ago(HOUR), NOW, TEMPLATES)).toEqual({
      form: 'text',
    });
  });

  it('refuses variables WhatsApp would reject: an empty one, or too much text for a template', () => {
    const blank = reply({ template: { purpose: 'agent_reply', variables: { '1': ' \n ' } } });
    expect(whatsAppForm(blank, ago(30 * HOUR), NOW, TEMPLATES)).toEqual({
      refused: expect.stringContaining('{{1}} is empty'),
    });
    const long = reply({ text: 'x'.repeat(2000) });
    expect(whatsAppForm(long, ago(30 * HOUR), NOW, TEMPLATES)).toEqual({
      refused: expect.stringContaining('at most 900'),
    });
  });

  it('sends text exactly while less than 24 hours have passed, a template from the 24th hour on (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -HOUR, max: 3 * WHATSAPP_WINDOW_MS }),
        fc.constantFrom(...LANGUAGES),
        (elapsed, language) => {
          const form = whatsAppForm(reply({ language }), ago(elapsed), NOW, TEMPLATES);
          const configured = TEMPLATES.agent_reply?.[language] !== undefined;
          if (elapsed < WHATSAPP_WINDOW_MS) expect(form).toEqual({ form: 'text' });
          else if (configured) expect(form).toMatchObject({ form: 'template' });
          else expect(form).toHaveProperty('refused');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decides the last millisecond of the window and the first one after it (boundary)', () => {
    expect(whatsAppForm(reply(), ago(WHATSAPP_WINDOW_MS - 1), NOW, TEMPLATES)).toEqual({ form: 'text' });
    expect(whatsAppForm(reply(), ago(WHATSAPP_WINDOW_MS), NOW, TEMPLATES)).toMatchObject({
      form: 'template',
    });
  });

  it('fills no variable with a run of white space or a new line WhatsApp would refuse (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (text) => {
        const form = whatsAppForm(reply({ text }), ago(2 * WHATSAPP_WINDOW_MS), NOW, TEMPLATES);
        if ('refused' in form) {
          expect(text.trim()).toBe('');
          return;
        }
        if (form.form !== 'template') throw new Error('outside the window only a template goes');
        for (const value of Object.values(form.template.variables)) {
          expect(value).not.toMatch(/\s{2,}|[\n\t]/);
          expect(value).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
