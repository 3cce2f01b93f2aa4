import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { CATALOGUE, fill } from '../../functions/domain/i18n/catalogue';
import { IVR_PROMPTS } from '../../functions/domain/i18n/ivr-prompts';
import { pollyVoice } from '../../functions/domain/ivr';
import { LANGUAGES, type Language } from '../../functions/domain/languages';
import { MENU_SLOTS } from '../../functions/handlers/voice/connect-answer';
import { localQueueArn } from '../../local/doors/voice/connect-local';
import { type IvrHarness, LINES, startIvrHarness } from './ivr-harness';

let bench: IvrHarness;
beforeAll(async () => {
  bench = await startIvrHarness();
});
afterAll(async () => bench.stop());

const queued = (r: { end: { kind: string; queueArn?: string } }) =>
  r.end.kind === 'queue' ? r.end.queueArn : r.end.kind;

async function waiting(queue: string, callId: string) {
  return (await bench.h.center.listQueue(queue)).find((h) => h.contactId === `voice:${callId}`);
}

describe('simulated calls through contact-flows/main-inbound.json', () => {
  it.each(LANGUAGES)('greets the %s line in its language and ends in its team', async (language) => {
    // Act: stay in the line's language, "anything else", no booking number
    const call = await bench.call(LINES[language], '+15550000001', [undefined, '5', '#']);
    // Assess
    const spoken = language === 'id' ? 'en' : language;
    expect(call.heard.join(' ')).toContain(IVR_PROMPTS[spoken].greeting);
    expect(call.heard.join(' ')).toContain(IVR_PROMPTS[spoken].topicMenu);
    expect(call.voice).toBe(pollyVoice(language).voice);
    expect(queued(call)).toBe(localQueueArn(`${language}-team`));
    expect(call.attributes.language).toBe(language);
  });

  it.each(LANGUAGES)(
    "reads each option of the %s line's language menu with a voice of the option's language",
    async (line) => {
      // Act
      const call = await bench.call(LINES[line], '+15550000003', [undefined, '5', '#']);

      // Assess: one line per language, the caller's own first, each in its own voice (Polly has no
      // Indonesian voice, so that option is read in English by the English voice)
      const menu = call.transcript.flatMap((e) =>
        e.kind === 'say' && e.actionId.startsWith('menu-say-')
          ? [{ text: e.text, voice: e.voice }]
          : e.kind === 'ask' && e.actionId === 'ask-language'
            ? [{ text: e.prompt, voice: e.voice }]
            : [],
      );
      const order = [line, ...LANGUAGES.filter((l) => l !== line)];
      expect(menu).toHaveLength(LANGUAGES.length);
      menu.forEach(({ text, voice }, i) => {
        const language = order[i] as Language;
        const digit = String((LANGUAGES.indexOf(language) + 1) % 10);
        expect(voice).toBe(pollyVoice(language).voice);
        if (language === 'id') expect(text).toContain(IVR_PROMPTS.id.name);
        else if (i === 0) expect(text).toBe(IVR_PROMPTS[language].languageStay);
        else expect(text).toBe(fill(IVR_PROMPTS[language].languageOption, { digit }));
      });
      expect(call.voice).toBe(pollyVoice(line).voice);
    },
  );

  it('speaks Indonesian callers in English, says so, and still routes them to the Indonesian team', async () => {
    const call = await bench.call(LINES.id, null, [undefined, '1', '#']);
    expect(call.heard[0]).toContain('Automated messages in Bahasa Indonesia are not available');
    expect(call.language).toBe('en-GB');
    expect(queued(call)).toBe(localQueueArn('id-team'));
  });

  it('switches language from the menu: the UK line, key 2, French from then on', async () => {
    const call = await bench.call(LINES.en, '+15550000002', ['2', '5', '#']);
    expect(call.heard[1 + MENU_SLOTS]).toBe(IVR_PROMPTS.fr.topicMenu);
    expect(call.voice).toBe('Lea');
    expect(queued(call)).toBe(localQueueArn('fr-team'));
  });

  it.each([
    ['1', 'change_booking'],
    ['2', 'cancel_booking'],
    ['3', 'refund'],
    ['4', 'arrival_problem'],
    ['5', 'general'],
  ])('records topic key %s as %s on the contact and its case', async (key, topic) => {
    const call = await bench.call(LINES.en, `+1555000010${key}`, [undefined, key, '#']);
    expect(call.attributes.topic).toBe(topic);
    const contacts = await bench.h.cases.listContactsOfCase(call.attributes.caseNumber ?? '');
    expect(contacts[0]?.classification.topic).toBe(topic);
    expect(call.end.kind).toBe('queue');
  });

  it('verifies booking and PIN, reads the status, and queues the caller at the priority route() gives', async () => {
    // Prepare: Camille (gold, checks in today in Paris), arrival problem
    bench.h.requests.reset();
    const call = await bench.call(LINES.fr, '+33612345678', [undefined, '4', '1000000016#', '1111', '1']);
    // Assess: the booking (with its PIN guard) is read once, by the PIN step, not again by the intake,
    // whose own reads (contact, customer, open cases) are the other BatchGetItem
    expect(bench.h.requests.counts().BatchGetItem).toBe(2);
    const status = call.heard.find((t) => t.includes('Hôtel Lumière Paris'));
    expect(status).toContain(CATALOGUE.fr.statuses.confirmed);
    // Text-to-speech reads the stay dates as French dates, not as ISO digits.
    expect(status).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(status).toMatch(/novembre 2026/);
    expect(call.end).toMatchObject({ kind: 'queue', queueArn: localQueueArn('fr-team'), priority: 1 });
    expect(call.attributes.verified).toBe('true');
    const entry = await waiting('fr-team', call.contactId);
    expect(entry).toMatchObject({
      priority: 1,
      verified: true,
      bookingRef: '1000000016',
      topic: 'arrival_problem',
    });
  });

  it('lets a verified caller end at the status (self-service): goodbye, nothing queued', async () => {
    const call = await bench.call(LINES.de, '+4915112345678', [
      undefined,
      '1',
      '1000000024#',
      '2222',
      undefined,
    ]);
    expect(call.end.kind).toBe('disconnect');
    expect(call.heard.at(-1)).toBe(IVR_PROMPTS.de.goodbye);
    expect(await waiting('de-team', call.contactId)).toBeUndefined();
  });

  it('re-prompts a wrong booking number, then queues the caller unverified after three', async () => {
    const call = await bench.call(LINES.en, '+15550000004', [undefined, '1', '1234567890#', '1111#', '99#']);
    const invalid = call.heard.filter((t) => t.startsWith('The booking number'));
    expect(invalid).toHaveLength(3);
    expect(invalid[0]).toContain('1 2 3 4 5 6 7 8 9 0');
    expect(call.attributes.verified).toBe('false');
    expect(call.end.kind).toBe('queue');
  });

  it('locks the PIN check after five wrong PINs across calls; the right PIN is refused while locked, as for an unknown booking', async () => {
    // Prepare: Emily's booking; first call three wrong PINs, second call two more
    const first = await bench.call(LINES.en, '+447700900123', [
      undefined,
      '1',
      '1000000032#',
      '0000',
      '0001',
      '0002',
    ]);
    const second = await bench.call(LINES.en, '+447700900123', [
      undefined,
      '1',
      '1000000032#',
      '0003',
      '0004',
    ]);
    const third = await bench.call(LINES.en, '+447700900123', [undefined, '1', '1000000032#', '3333']);
    const unknown = await bench.call(LINES.en, '+447700900123', [
      undefined,
      '1',
      `${makeBookingReference('199999999')}#`,
      '3333',
    ]);
    // Assess: the lock is never named (it would confirm the booking); the right PIN is refused while it
    // holds, and the locked call hears word for word what a call about an unknown booking hears.
    expect(first.heard.filter((t) => t.startsWith(IVR_PROMPTS.en.pinNoMatch))).toHaveLength(3);
    expect(first.heard.join(' ')).toContain(IVR_PROMPTS.en.notVerified);
    for (const call of [first, second, third]) {
      expect(call.heard.join(' ')).not.toContain(CATALOGUE.en.pinLocked);
      expect(call.attributes.verified).toBe('false');
      expect(call.end.kind).toBe('queue');
    }
    expect(third.heard.join(' ')).not.toContain('Harbour View');
    const withoutCase = (heard: string[]) => heard.map((t) => t.replace(/case number is [A-Z0-9 ]+\./, ''));
    expect(withoutCase(third.heard)).toEqual(withoutCase(unknown.heard));
    expect(third.end).toEqual(unknown.end);
  });

  it('tells the caller to hang up and call emergency services, then queues at priority 1', async () => {
    const call = await bench.call(LINES.pt, '+5511987654321', [undefined, '9']);
    expect(call.heard.join(' ')).toContain(IVR_PROMPTS.pt.emergency);
    expect(call.end).toMatchObject({ kind: 'queue', queueArn: localQueueArn('pt-team'), priority: 1 });
  });

  it('ends in the fallback queue when the IVR Lambda fails, saying "please hold" in the caller\'s language', async () => {
    bench.faults.failSteps.add('topic');
    bench.faults.failSteps.add('queued');
    try {
      const call = await bench.call(LINES.ru, '+79161234567', [undefined, '1']);
      expect(queued(call)).toBe(localQueueArn('global-247'));
      expect(call.heard.at(-1)).toBe(IVR_PROMPTS.ru.holdOn);
    } finally {
      bench.faults.failSteps.clear();
    }
    bench.faults.failSteps.add('start');
    try {
      const call = await bench.call(LINES.zh, '+8613812345678', []);
      expect(queued(call)).toBe(localQueueArn('global-247'));
    } finally {
      bench.faults.failSteps.clear();
    }
  });

  it('lifts the assumed tier on the loyalty line for an unverified caller', async () => {
    const country = await bench.call(LINES.en, '+15550000009', [undefined, '5', '#']);
    const loyalty = await bench.call(LINES.loyalty, '+15550000010', [undefined, '5', '#']);
    expect(loyalty.heard[0]).toBe(IVR_PROMPTS.en.greetingLoyalty);
    expect(Number(loyalty.attributes.priority)).toBeLessThan(Number(country.attributes.priority));
    expect(loyalty.attributes.lineType).toBe('loyalty');
    const [contact] = await bench.h.cases.listContactsOfCase(loyalty.attributes.caseNumber ?? '');
    expect(contact?.decision.reasons.join(' | ')).toMatch(/tier gold \(assumed\)/);
  });

  it('takes a withheld caller id: one anonymous case per call', async () => {
    const call = await bench.call(LINES.nl, null, [undefined, '3', '#']);
    const contacts = await bench.h.cases.listContactsOfCase(call.attributes.caseNumber ?? '');
    expect(contacts[0]?.from).toMatch(/^anonymous:/);
    expect(call.end.kind).toBe('queue');
  });

  it('resumes a transferred contact straight at its queue with its saved priority', async () => {
    const first = await bench.call(LINES.fr, '+33698765432', [undefined, '1', '#']);
    const transfer = await bench.call(LINES.fr, '+33698765432', [], {
      initiationMethod: 'TRANSFER',
      attributes: first.attributes,
    });
    expect(transfer.transcript.filter((t) => t.kind === 'ask')).toHaveLength(0);
    expect(transfer.end).toMatchObject({ kind: 'queue', priority: Number(first.attributes.priority) });
  });
});

describe('simulated waits through contact-flows/customer-queue.json', () => {
  it('announces the place in the queue and offers a callback once the caller has waited long enough', async () => {
    const call = await bench.call(LINES.de, '+4930111222', [undefined, '5', '#']);
    const attributes = call.attributes;
    const early = await bench.call(LINES.de, '+4930111222', [], {
      flow: 'customer-queue',
      attributes,
      queueArn: attributes.queueArn,
      contactId: call.contactId,
      maxSteps: 12,
    });
    bench.h.clock.advanceMinutes(3);
    const later = await bench.call(LINES.de, '+4930111222', ['1'], {
      flow: 'customer-queue',
      attributes,
      queueArn: attributes.queueArn,
      contactId: call.contactId,
    });
    expect(early.heard[0]).toMatch(/^Sie sind Nummer \d+ in der Warteschlange\./);
    expect(early.heard).not.toContain(IVR_PROMPTS.de.callbackOffer);
    expect(later.heard).toContain(IVR_PROMPTS.de.callbackOffer);
    expect(later.callbacks).toEqual([expect.objectContaining({ number: '+4930111222' })]);
    expect(later.heard.at(-1)).toContain('1 2 2 2');
  });
});
