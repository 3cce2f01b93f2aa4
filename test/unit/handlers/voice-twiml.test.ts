// The voice door writes its TwiML itself (twilio's XML builder is too big for the Lambda bundle): it
// must be exactly what twilio's VoiceResponse writes for the same turn, for any text, URL and queue.
import fc from 'fast-check';
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import { describe, expect, it } from 'vitest';
import {
  GATHER,
  ivrTwiml,
  type TwimlLinks,
  type TwimlQueue,
} from '../../../functions/adapters/twilio/voice-twiml';
import type { IvrNext, IvrTurn, Prompt } from '../../../functions/domain/ivr';
import { twilioVoice } from '../../../functions/domain/ivr/voices';
import { LANGUAGES } from '../../../functions/domain/languages';

type Sayer = { say(attributes: VoiceResponse.SayAttributes, message: string): unknown };

// The same turn through twilio's own builder: the reference.
function twilios(turn: IvrTurn, links: TwimlLinks, queue?: TwimlQueue): string {
  const sayAll = (target: Sayer, prompt: Prompt) => {
    for (const part of prompt) {
      if (!part.text) continue;
      const v = twilioVoice(part.language);
      target.say({ voice: v.voice, language: v.language } as VoiceResponse.SayAttributes, part.text);
    }
  };
  const response = new VoiceResponse();
  sayAll(response, turn.greeting ?? []);
  const gather = GATHER[turn.next];
  if (gather) {
    const g = response.gather({
      input: ['dtmf', 'speech'],
      action: links.answer(turn.next),
      method: 'POST',
      actionOnEmptyResult: true,
      language: twilioVoice(turn.state.language).speechLanguage as VoiceResponse.GatherAttributes['language'],
      speechTimeout: 'auto',
      timeout: gather.timeout,
      ...(gather.numDigits ? { numDigits: gather.numDigits } : {}),
      ...(gather.finishOnKey ? { finishOnKey: gather.finishOnKey } : {}),
    });
    sayAll(g, turn.prompt);
    return response.toString();
  }
  sayAll(response, turn.prompt);
  if (turn.next === 'goodbye') response.hangup();
  else if (turn.next === 'callback') response.leave();
  else if (turn.next === 'waiting') {
    if (turn.offerCallback)
      sayAll(
        response.gather({
          input: ['dtmf'],
          action: links.callback(),
          method: 'POST',
          numDigits: 1,
          timeout: 5,
        }),
        turn.callbackPrompt ?? [],
      );
    response.pause({ length: 30 });
  } else {
    sayAll(response, turn.announce);
    if (queue)
      response
        .enqueue({ workflowSid: queue.workflowSid, waitUrl: links.waiting(), waitUrlMethod: 'POST' })
        .task({ priority: Math.max(1, 6 - queue.priority) }, JSON.stringify(queue.attributes));
  }
  return response.toString();
}

const attempt = (write: () => string) => {
  try {
    return write();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
};

const NEXT: readonly IvrNext[] = [
  'greeting',
  'language-menu',
  'topic-menu',
  'booking',
  'pin',
  'status',
  'emergency',
  'queue',
  'goodbye',
  'queued',
  'waiting',
  'callback',
];
const language = fc.constantFrom(...LANGUAGES);
const text = fc.string({ unit: 'binary', maxLength: 40 });
// Twilio's builder writes any attribute value, even characters XML cannot carry; ours refuses those
// (tested below), so the comparison draws attribute values from what XML allows.
const attribute = text.map((s) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters XML 1.0 forbids
  s.replace(/[\0-\x08\x0B\f\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g, ''),
);
const prompt = fc.array(fc.record({ text, language }), { maxLength: 3 });
const turn = fc.record({
  next: fc.constantFrom(...NEXT),
  language,
  greeting: fc.option(prompt, { nil: undefined }),
  prompt,
  announce: prompt,
  offerCallback: fc.boolean(),
  callbackPrompt: prompt,
});
const queue = fc.option(
  fc.record({
    workflowSid: attribute,
    attributes: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
    priority: fc.integer({ min: 1, max: 5 }),
  }),
  { nil: undefined },
);

const STATE = { language: 'en', lineType: 'country', attempts: 0, pinFailures: 0, verified: false } as const;

describe('voice TwiML', () => {
  it('matches twilio byte for byte on any turn, text, URL and queue (property)', () => {
    fc.assert(
      fc.property(turn, attribute, queue, (t, url, q) => {
        const ivrTurn: IvrTurn = { ...t, state: { ...STATE, language: t.language } };
        const links: TwimlLinks = {
          answer: (next) => `${url}/${next}?s=1&t=2`,
          waiting: () => `${url}/wait`,
          callback: () => `${url}/callback?s=1`,
        };
        expect(attempt(() => ivrTwiml(ivrTurn, links, q))).toBe(attempt(() => twilios(ivrTurn, links, q)));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a URL XML cannot carry rather than writing a document Twilio would reject', () => {
    const links: TwimlLinks = {
      answer: () => 'https://x/\u0000',
      waiting: () => 'https://x/wait',
      callback: () => 'https://x/callback',
    };
    const turn: IvrTurn = { next: 'pin', state: STATE, prompt: [], announce: [] };
    expect(() => ivrTwiml(turn, links)).toThrow(/Invalid character/);
  });

  it('asks a question with a Gather in the caller language and queues with the TaskRouter task', () => {
    // Prepare
    const state = { ...STATE, language: 'fr' } as const;
    const links: TwimlLinks = {
      answer: (next) => `https://x/voice/${next}`,
      waiting: () => 'https://x/wait',
      callback: () => 'https://x/callback',
    };
    const say = [{ text: 'Votre numéro de réservation ?', language: 'fr' }] as const;

    // Act
    const question = ivrTwiml({ next: 'booking', state, prompt: say, announce: [] }, links);
    const queued = ivrTwiml({ next: 'queue', state, prompt: [], announce: say }, links, {
      workflowSid: 'WW1',
      attributes: { topic: 'refund' },
      priority: 1,
    });

    // Assess
    expect(question).toContain('<Gather input="dtmf speech" action="https://x/voice/booking"');
    expect(question).toContain('finishOnKey="#"');
    expect(question).toContain('language="fr-FR">Votre numéro de réservation ?</Say></Gather>');
    expect(queued).toContain('<Enqueue workflowSid="WW1" waitUrl="https://x/wait" waitUrlMethod="POST">');
    expect(queued).toContain('<Task priority="5">{"topic":"refund"}</Task>');
  });
});
