// The mutable contact a simulated call carries from action to action (and across TransferToFlow).
import type { ReferenceData } from './references';
import { resolveValue } from './references';
import type { CallbackRequest, CallStart } from './types';

/** Connect's queue priority for a contact no block has changed. */
export const DEFAULT_PRIORITY = 5;

/** Connect's text-to-speech voice when no Set voice block ran. */
export const DEFAULT_VOICE = 'Joanna';

/** The contact under simulation. */
export class CallState {
  attributes: Record<string, string>;
  external: Record<string, unknown> = {};
  flowAttributes: Record<string, string> = {};
  storedInput: string | undefined;
  languageCode: string;
  voice = DEFAULT_VOICE;
  queue: { arn: string; name: string } | undefined;
  priority = DEFAULT_PRIORITY;
  callbackNumber: string | undefined;
  readonly eventHooks: Record<string, string> = {};
  readonly callbacks: CallbackRequest[] = [];
  readonly contactId: string;

  constructor(readonly start: CallStart) {
    this.attributes = { ...(start.attributes ?? {}) };
    this.languageCode = start.languageCode ?? 'en-US';
    this.contactId = start.contactId ?? '00000000-0000-4000-8000-000000000001';
    this.callbackNumber = start.from ?? undefined;
    if (start.queueArn) this.setQueue(start.queueArn);
  }

  /** Sets the working queue; its name is the ARN's last segment, as the simulator knows no names. */
  setQueue(arn: string): void {
    this.queue = { arn, name: arn.split('/').pop() ?? arn };
  }

  /** The contact data `$.` references read. */
  referenceData(): ReferenceData {
    const endpoint = (address: string | null) =>
      address ? { Address: address, Type: 'TELEPHONE_NUMBER' } : null;
    return {
      Attributes: this.attributes,
      External: this.external,
      FlowAttributes: this.flowAttributes,
      StoredCustomerInput: this.storedInput,
      CustomerEndpoint: endpoint(this.start.from),
      SystemEndpoint: endpoint(this.start.to),
      Queue: this.queue ? { ARN: this.queue.arn, Name: this.queue.name } : null,
      LanguageCode: this.languageCode,
      Channel: this.start.channel ?? 'VOICE',
      ContactId: this.contactId,
      InitialContactId: this.contactId,
      InitiationMethod: this.start.initiationMethod ?? 'INBOUND',
      TextToSpeechVoice: this.voice,
    };
  }

  /** Resolves a parameter value against the contact (see `resolveValue`). */
  resolve(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    return resolveValue(value, this.referenceData());
  }
}
