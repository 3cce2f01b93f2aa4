import { describe, expect, it } from 'vitest';
import { parseWhatsAppTemplates } from '../../../functions/adapters/twilio/whatsapp-templates-config';
import { ValidationError } from '../../../functions/domain/errors';

const SID = 'HX0123456789abcdef0123456789abcdef';

describe('parseWhatsAppTemplates (deploy config twilio.whatsAppTemplates)', () => {
  it('reads purpose → language → Content SID from JSON text or parsed JSON', () => {
    const templates = { agent_reply: { fr: SID, en: SID }, survey: { de: SID } };
    expect(parseWhatsAppTemplates(JSON.stringify(templates), 'WHATSAPP_TEMPLATES')).toEqual(templates);
    expect(parseWhatsAppTemplates(templates, 'twilio.whatsAppTemplates')).toEqual(templates);
  });

  it('reads nothing configured as no templates', () => {
    expect(parseWhatsAppTemplates('', 'WHATSAPP_TEMPLATES')).toEqual({});
    expect(parseWhatsAppTemplates(undefined, 'twilio.whatsAppTemplates')).toEqual({});
  });

  it.each([
    [{ agent_reply: { fr: 'HX123' } }, 'WHATSAPP_TEMPLATES.agent_reply.fr', 'Content SID'],
    [{ agent_reply: { xx: SID } }, 'WHATSAPP_TEMPLATES.agent_reply', 'languages'],
    [{ welcome: { fr: SID } }, 'WHATSAPP_TEMPLATES', 'purposes'],
    ['{not json', 'WHATSAPP_TEMPLATES', 'not JSON'],
  ])('refuses %j naming where and what', (input, path, words) => {
    const error = (() => {
      try {
        parseWhatsAppTemplates(
          typeof input === 'string' ? input : JSON.stringify(input),
          'WHATSAPP_TEMPLATES',
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ path });
    expect((error as Error).message).toContain(words);
  });
});
