// Submodules, not the package root: the whole SDK would add ~3.7 MB to a Lambda bundle, the Api domain
// (every 2010 resource) ~0.9 MB; the Messages resource alone on the library's own Version is ~0.43 MB.
import BaseTwilio from 'twilio/lib/base/BaseTwilio';
import DomainExport from 'twilio/lib/base/Domain';
import RequestClient from 'twilio/lib/base/RequestClient';
import VersionExport from 'twilio/lib/base/Version';
import type V2010 from 'twilio/lib/rest/api/V2010';
// With .js: a folder message/ sits beside message.js, and Node's ESM resolver (npm start) would take it.
import {
  type MessageInstance,
  MessageListInstance,
  type MessageListInstanceCreateOptions,
} from 'twilio/lib/rest/api/v2010/account/message.js';
import { DependencyError } from '../../domain/errors';
import {
  type Messenger,
  MessengerRefusal,
  type OutboundMessage,
  type SentMessage,
} from '../../domain/outbound/messenger';
import { templateIdFor, type WhatsAppTemplates } from '../../domain/outbound/whatsapp-templates';
import { ApiBaseRequestClient, TWILIO_API_BASE } from './api-base-client';
import { cjsDefault } from './cjs-default';
import { describeTwilioError, twilioSendError } from './twilio-errors';

const E164 = /^\+[1-9]\d{6,14}$/;
const Domain = cjsDefault(DomainExport);
const Version = cjsDefault(VersionExport);

/** What sending through Twilio's Messages API needs (deploy config and secrets). */
export interface TwilioMessengerSettings {
  readonly accountSid: string;
  /** The account's auth token (Secrets Manager in AWS); re-read per send, so a rotation is picked up. */
  readonly authToken: () => Promise<string>;
  /** Our SMS number (E.164). */
  readonly smsFrom?: string | undefined;
  /** Our WhatsApp sender's number (E.164, without the whatsapp: prefix). */
  readonly whatsAppFrom?: string | undefined;
  /** Where Twilio reports delivery (our POST /twilio/status). */
  readonly statusCallbackUrl?: string | undefined;
  readonly templates: WhatsAppTemplates;
  /** Another API base than https://api.twilio.com (a local stand-in); scheme, host and port. */
  readonly apiBase?: string | undefined;
  readonly timeoutMs?: number | undefined;
}

/**
 * Messenger for SMS and WhatsApp through Twilio's Messages resource (POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json), with the real twilio client. Free text goes as Body;
 * a message carrying a template goes on WhatsApp as ContentSid + ContentVariables (a JSON string of
 * the placeholder values, "Send templates created with the Content Template Builder"), Body left out.
 * Every send names our StatusCallback, so delivery reaches POST /twilio/status.
 */
export class TwilioMessenger implements Messenger {
  private client: { readonly token: string; readonly messages: MessageListInstance } | undefined;

  constructor(private readonly settings: TwilioMessengerSettings) {}

  async send(message: OutboundMessage): Promise<SentMessage> {
    const options = this.createOptions(message);
    let created: MessageInstance;
    try {
      created = await (await this.messages()).create(options);
    } catch (error) {
      throw twilioSendError(error);
    }
    return sentMessageOf(created);
  }

  private createOptions(message: OutboundMessage): MessageListInstanceCreateOptions {
    const { settings } = this;
    if (message.channel !== 'sms' && message.channel !== 'whatsapp')
      throw new MessengerRefusal('twilio', `Twilio sends SMS and WhatsApp here, not ${message.channel}`);
    const to = message.to.replace(/^whatsapp:/, '');
    if (!E164.test(to))
      throw new MessengerRefusal('twilio', `"${to}" is not an E.164 number (e.g. +33612345678)`);
    const whatsApp = message.channel === 'whatsapp';
    const from = whatsApp ? settings.whatsAppFrom : settings.smsFrom;
    if (!from)
      throw new DependencyError('twilio', `no ${whatsApp ? 'WhatsApp' : 'SMS'} sender is configured`, {
        retryable: false,
      });
    const address = (number: string) => (whatsApp ? `whatsapp:${number}` : number);
    const base = {
      to: address(to),
      from: address(from),
      ...(settings.statusCallbackUrl ? { statusCallback: settings.statusCallbackUrl } : {}),
    };
    if (!whatsApp || !message.template) return { ...base, body: message.text };
    const { purpose, variables } = message.template;
    const contentSid = templateIdFor(settings.templates, purpose, message.language);
    if (!contentSid)
      throw new MessengerRefusal(
        'twilio',
        `no approved WhatsApp template for ${purpose} in ${message.language} (whatsAppTemplates.${purpose}.${message.language})`,
      );
    return { ...base, contentSid, contentVariables: JSON.stringify(variables) };
  }

  private async messages(): Promise<MessageListInstance> {
    const token = await this.settings.authToken();
    if (this.client?.token !== token) {
      const { accountSid, apiBase, timeoutMs } = this.settings;
      const transport = { timeout: timeoutMs ?? 10_000 };
      const httpClient = apiBase
        ? new ApiBaseRequestClient(apiBase, transport)
        : new RequestClient(transport);
      const twilio = new BaseTwilio.Client(accountSid, token, { httpClient });
      // What the Api domain's V2010 is: a Version "2010-04-01" of https://api.twilio.com; only the
      // account resources it would also load are left out.
      const v2010 = new Version(new Domain(twilio, TWILIO_API_BASE), '2010-04-01') as V2010;
      this.client = { token, messages: MessageListInstance(v2010, accountSid) };
    }
    return this.client.messages;
  }
}

// A message Twilio created already failed (no status callback follows the initial status).
function sentMessageOf(created: MessageInstance): SentMessage {
  if (created.status === 'failed' || created.status === 'undelivered') {
    const code = created.errorCode;
    throw new DependencyError(
      'twilio',
      `Twilio took message ${created.sid} as ${created.status}${code ? ` (${describeTwilioError(code, created.errorMessage)})` : ''}`,
      { retryable: false },
    );
  }
  const status = created.status === 'sent' || created.status === 'delivered' ? created.status : 'queued';
  return { providerMessageId: created.sid, status };
}
