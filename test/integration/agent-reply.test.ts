import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { applyCaseAction } from '../../functions/domain/cases/apply-action';
import { intake } from '../../functions/domain/intake/intake';
import { type AgentReplyDeps, sendAgentReply } from '../../functions/domain/replies/agent-reply';
import { aContact, defaultPolicy, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { LedgerDeliver } from '../support/ledger-deliver';

// Monday 23 Nov 2026, 11:00 in Paris: the French team is open.
const NOW = new Date('2026-11-23T10:00:00.000Z');
const LATER = new Date('2026-11-23T10:20:00.000Z');
const CAMILLE = makeBookingReference('300000011');

describe('agent replies over DynamoDB', () => {
  let h: IntakeHarness;
  let ledger: LedgerDeliver;
  let deps: AgentReplyDeps;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    await h.seed([
      {
        reference: CAMILLE,
        pin: '1111',
        status: 'confirmed',
        checkIn: '2026-12-04',
        checkOut: '2026-12-07',
        propertyName: 'Hôtel Lumière Paris',
        propertyTimeZone: 'Europe/Paris',
        language: 'fr',
        tier: 'gold',
        guestName: 'Camille Martin',
        phone: '+33612345678',
        email: 'camille@example.fr',
      },
    ]);
  });
  afterAll(() => h.db.stop());
  beforeEach(() => {
    ledger = new LedgerDeliver();
    deps = {
      cases: h.cases,
      center: h.center,
      policy: defaultPolicy,
      bookings: h.deps.bookings,
      deliver: ledger.deliver,
    };
  });

  const reply = (
    caseNumber: string,
    content: Parameters<typeof sendAgentReply>[1]['content'],
    key = 'k1',
    channel?: 'sms' | 'email',
  ) => sendAgentReply(deps, { caseNumber, agentId: 'agent-ana', content, key, at: LATER, channel });

  it('answers on the guest channel and address, records it and waits for the guest', async () => {
    // Prepare
    const guest = await intake(
      h.deps,
      aContact({ from: '+33612345678', text: `Puis-je arriver plus tôt ? ${CAMILLE}` }),
    );
    const caseNumber = guest.record.caseNumber;

    // Act
    const result = await reply(caseNumber, { text: 'Oui, dès 11 h.' });

    // Assess
    expect(result).toMatchObject({ ok: true, kind: 'sent', delivery: { status: 'queued' } });
    expect(ledger.of(caseNumber)).toEqual([
      expect.objectContaining({
        kind: 'agent_reply',
        channel: 'sms',
        to: '+33612345678',
        text: 'Oui, dès 11 h.',
        language: 'fr',
        automatic: false,
        agentId: 'agent-ana',
        inReplyTo: [guest.record.id],
      }),
    ]);
    const kase = await h.cases.getCase(caseNumber);
    expect(kase).toMatchObject({
      status: 'pending_guest',
      firstResponseAt: LATER.toISOString(),
      agentId: 'agent-ana',
    });
    expect(kase?.timeline.filter((e) => e.type === 'replied')).toEqual([
      expect.objectContaining({ note: 'Oui, dès 11 h.', messageId: `${caseNumber}:reply:k1` }),
    ]);
  });

  it('sends once and records once when the client retries with the same key', async () => {
    // Prepare
    const guest = await intake(h.deps, aContact({ from: '+33612345678', text: `Parking ? ${CAMILLE}` }));
    const caseNumber = guest.record.caseNumber;

    // Act
    const first = await reply(caseNumber, { text: 'Oui.' }, 'retry-key');
    const again = await reply(caseNumber, { text: 'Oui.' }, 'retry-key');
    const other = await reply(caseNumber, { text: 'Et il est gratuit.' }, 'other-key');

    // Assess
    expect(first).toMatchObject({ ok: true, replay: false });
    expect(again).toMatchObject({ ok: true, replay: true });
    expect(other).toMatchObject({ ok: true, replay: false });
    expect(ledger.of(caseNumber).map((m) => m.text)).toEqual(['Oui.', 'Et il est gratuit.']);
    const replied = (await h.cases.getCase(caseNumber))?.timeline.filter((e) => e.type === 'replied');
    expect(replied?.map((e) => e.messageId)).toEqual(
      expect.arrayContaining([`${caseNumber}:reply:retry-key`, `${caseNumber}:reply:other-key`]),
    );
    expect(replied?.filter((e) => e.messageId === `${caseNumber}:reply:retry-key`)).toHaveLength(1);
  });

  it('fills a template from the verified booking, and refuses it on an unverified case', async () => {
    // Prepare: the booking's own number verifies; a stranger naming the same booking does not.
    const owner = await intake(h.deps, aContact({ from: '+33612345678', text: `mes dates ? ${CAMILLE}` }));
    const stranger = await intake(h.deps, aContact({ from: '+33698765432', text: `mes dates ? ${CAMILLE}` }));

    // Act
    const filled = await reply(owner.record.caseNumber, { template: 'stay_dates' });
    const refused = await reply(stranger.record.caseNumber, { template: 'stay_dates' });
    const plain = await reply(stranger.record.caseNumber, { template: 'looking_into_it' }, 'k2');

    // Assess
    expect(filled.ok && filled.kind === 'sent' && filled.message.text).toBe(
      `Votre séjour à Hôtel Lumière Paris a lieu du 4 décembre 2026 au 7 décembre 2026 (dossier ${owner.record.caseNumber}).`,
    );
    expect(refused).toMatchObject({ ok: false, kind: 'conflict', code: 'needs_verified_booking' });
    expect(plain.ok && plain.kind === 'sent' && plain.message.text).not.toMatch(/Lumière|décembre/);
    expect(ledger.of(stranger.record.caseNumber)).toHaveLength(1);
  });

  it('refuses replies on unknown and resolved cases, to unused channels, and leaves a refused message unrecorded', async () => {
    // Prepare
    const guest = await intake(h.deps, aContact({ from: '+33611112222', text: 'Bonjour, une question' }));
    const caseNumber = guest.record.caseNumber;

    // Act
    const unknown = await reply('CR-ZZZZZZ', { text: 'hello' });
    const unused = await reply(caseNumber, { text: 'hello' }, 'k1', 'email');
    ledger.next = { status: 'refused', reason: 'the guest sent STOP' };
    const notSent = await reply(caseNumber, { text: 'hello' }, 'k3');
    await applyCaseAction(deps, caseNumber, { type: 'resolve' }, { kind: 'agent', id: 'agent-ana' }, LATER);
    ledger.next = { status: 'queued' };
    const onResolved = await reply(caseNumber, { text: 'hello' }, 'k4');

    // Assess
    expect(unknown).toMatchObject({ ok: false, kind: 'not_found' });
    expect(unused).toMatchObject({ ok: false, kind: 'invalid', code: 'channel_not_used' });
    expect(notSent).toMatchObject({
      ok: false,
      kind: 'conflict',
      code: 'not_delivered',
      message: expect.stringMatching(/STOP/),
    });
    expect(onResolved).toMatchObject({ ok: false, kind: 'conflict', code: 'not_allowed' });
    expect(ledger.of(caseNumber)).toHaveLength(1); // the refused one, never sent again
    const kase = await h.cases.getCase(caseNumber);
    expect(kase?.timeline.some((e) => e.type === 'replied')).toBe(false);
  });

  it('asks for a call back when a caller has no mobile, and the case waits in its queue again', async () => {
    // Prepare
    const call = await intake(
      h.deps,
      aContact({
        channel: 'voice',
        from: '+33142685300',
        text: 'je voudrais une facture',
        languageHint: 'fr',
      }),
    );
    const caseNumber = call.record.caseNumber;
    await h.center.withdraw(caseNumber);
    await applyCaseAction(deps, caseNumber, { type: 'take' }, { kind: 'agent', id: 'agent-ana' }, LATER);

    // Act
    const result = await reply(caseNumber, { text: 'La facture part par courrier.' });

    // Assess
    expect(result).toMatchObject({ ok: true, kind: 'callback', number: '+33142685300' });
    expect(ledger.of(caseNumber)).toHaveLength(0);
    const kase = await h.cases.getCase(caseNumber);
    expect(kase?.status).toBe('waiting');
    expect(kase?.timeline.at(-1)).toMatchObject({
      type: 'callback_requested',
      note: 'call back +33142685300: La facture part par courrier.',
    });
    const entry = (await h.center.listQueue(kase?.queue ?? '')).find((e) => e.caseNumber === caseNumber);
    expect(entry?.summary).toBe('call back +33142685300: La facture part par courrier.');
  });
});
