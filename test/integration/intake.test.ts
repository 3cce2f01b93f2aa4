import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestCase } from '../../functions/domain/cases/latest-case';
import { intake } from '../../functions/domain/intake/intake';
import { aContact, closeForGood, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { outboundOver } from '../support/outbound';
import { CAMILLE, JONAS, NOW, seedGuests } from './intake-guests';

describe('intake over DynamoDB', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    await seedGuests(h);
  });
  afterAll(() => h.db.stop());

  it('opens a case, answers the verified guest with the booking status and queues the contact', async () => {
    // Prepare
    const contact = aContact({
      text: `Hôtel surbooké, personne à la réception ! réservation ${CAMILLE}`,
      languageHint: 'fr',
    });
    // Act
    const result = await intake(h.deps, contact);
    // Assess
    expect(result.outcome).toBe('new_case');
    expect(result.record.verification).toBe('sender_matches');
    expect(result.record.decision).toMatchObject({ queue: 'fr-team', priority: 1, fallbackUsed: false });
    expect(result.record.reply?.text).toContain(result.record.caseNumber);
    expect(result.record.reply?.text).toContain('Hôtel Lumière Paris');
    const queued = await h.center.listQueue('fr-team');
    expect(queued.map((q) => q.contactId)).toContain(result.record.id);
    // The intake only plans the answer: "acknowledged" follows once deliver has let it out.
    const planned = await h.cases.getCase(result.record.caseNumber);
    expect(planned?.timeline.map((e) => e.type)).toEqual(['opened']);
    if (!('message' in result.plan)) throw new Error('an answer was planned');
    expect(await outboundOver(h).deliver(result.plan.message)).toEqual({ status: 'inline' });
    const kase = await h.cases.getCase(result.record.caseNumber);
    expect(kase?.timeline.map((e) => e.type)).toEqual(['opened', 'acknowledged']);
  });

  it('answers a redelivered message with the first reply and makes no second case or queue entry', async () => {
    const contact = aContact({ from: '+4915112345678', text: `Buchung ${JONAS}: change dates please` });
    const first = await intake(h.deps, contact);
    const again = await intake(h.deps, structuredClone(contact));
    expect(again.outcome).toBe('duplicate');
    expect(again.record.reply?.text).toBe(first.record.reply?.text);
    expect(again.record.caseNumber).toBe(first.record.caseNumber);
    const entries = Object.values(await h.center.listAll()).flat();
    expect(entries.filter((e) => e.contactId === first.record.id)).toHaveLength(1);
  });

  it('lets exactly one of several concurrent redeliveries create the case', async () => {
    const contact = aContact({ from: '+4915112345678', text: 'refund for my last stay?' });
    const results = await Promise.all([1, 2, 3].map(() => intake(h.deps, structuredClone(contact))));
    const outcomes = results.map((r) => r.outcome).sort();
    expect(outcomes.filter((o) => o !== 'duplicate')).toHaveLength(1);
    expect(new Set(results.map((r) => r.record.caseNumber)).size).toBe(1);
    const entries = Object.values(await h.center.listAll()).flat();
    expect(entries.filter((e) => e.contactId === results[0]?.record.id)).toHaveLength(1);
  });

  it('continues the open case when the same guest writes again about the same booking', async () => {
    const first = await intake(
      h.deps,
      aContact({ from: '+33612345678', text: `je voudrais changer les dates de la réservation ${CAMILLE}` }),
    );
    const second = await intake(
      h.deps,
      aContact({ from: '+33612345678', text: 'et aussi, puis-je ajouter le petit-déjeuner ?' }),
    );
    expect(second.outcome).toBe('continued_case');
    expect(second.record.caseNumber).toBe(first.record.caseNumber);
    const kase = await h.cases.getCase(first.record.caseNumber);
    expect(kase?.contactCount).toBeGreaterThanOrEqual(2);
    expect(kase?.timeline.some((e) => e.type === 'contact')).toBe(true);
    expect(second.record.reply?.text).toContain(`ajouté votre message au dossier ${first.record.caseNumber}`);
  });

  it('puts racing first messages from one sender on one case', async () => {
    const from = '+447700900999';
    const results = await Promise.all(
      ['hi', 'my room', 'is gone'].map((text) =>
        intake(h.deps, aContact({ from, text, languageHint: 'en' })),
      ),
    );
    expect(new Set(results.map((r) => r.record.caseNumber)).size).toBe(1);
  });

  it('sends a contact retried after a crash to the case its first attempt wrote to, never a second one', async () => {
    // Prepare: the sender has an open case; the next message is appended to it, then the process dies
    // before the contact is stored, and the case is settled for good (closed) before the retry comes.
    const from = '+447700900123';
    const opening = await intake(h.deps, aContact({ from, text: 'hello, a question', languageHint: 'en' }));
    const caseNumber = opening.record.caseNumber;
    let killed = false;
    const dying = new Proxy(h.cases, {
      get(target, key) {
        if (key === 'putContactOnce' && !killed) {
          return async () => {
            killed = true;
            throw new Error('killed before the contact was stored');
          };
        }
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const message = aContact({ from, text: 'and can I bring my dog?', languageHint: 'en' });
    await expect(intake({ ...h.deps, cases: dying }, message)).rejects.toThrow('killed');
    await closeForGood(h, caseNumber, NOW);
    // Act
    const retried = await intake(h.deps, message);
    // Assess: on the case it was first appended to, once; no case opened for it
    expect(retried.record.caseNumber).toBe(caseNumber);
    expect(retried.record.decision.reasons.join(' ')).toContain('where it was first routed');
    const kase = await h.cases.getCase(caseNumber);
    expect(kase?.contactCount).toBe(2);
    expect(kase?.timeline.filter((e) => e.type === 'contact')).toHaveLength(1);
    expect((await latestCase(h.cases, await h.cases.openCases(from), undefined))?.status).toBe('closed');
  });

  it('keeps the contact and its reply when the contact centre is down, and delivers it on retry', async () => {
    // Prepare
    h.center.failWith(new Error('contact centre unreachable'));
    // Act
    const result = await intake(
      h.deps,
      aContact({ from: '+33698765432', text: 'question', languageHint: 'fr' }),
    );
    // Assess
    expect(result.handoff).toBe('pending');
    expect(result.record.reply?.text).toContain(result.record.caseNumber);
    expect((await h.cases.listPendingHandoffs(100)).map((r) => r.id)).toContain(result.record.id);
    h.center.failWith(undefined);
    const { retryPendingHandOffs } = await import('../../functions/domain/intake/hand-off');
    const retried = await retryPendingHandOffs(h.center, h.cases);
    expect(retried.delivered).toBeGreaterThanOrEqual(1);
    expect((await h.cases.listPendingHandoffs(100)).map((r) => r.id)).not.toContain(result.record.id);
    const queued = Object.values(await h.center.listAll()).flat();
    expect(queued.map((q) => q.contactId)).toContain(result.record.id);
  });

  it('tells agents who wrote and where to answer, also when the hand-off is retried', async () => {
    // Prepare
    h.center.failWith(new Error('contact centre unreachable'));
    const known = await intake(h.deps, aContact({ from: '+4915112345678', text: 'Frage zur Rechnung' }));
    const stranger = await intake(h.deps, aContact({ from: '+4917000000001', text: 'Frage' }));
    h.center.failWith(undefined);
    // Act
    const { retryPendingHandOffs } = await import('../../functions/domain/intake/hand-off');
    await retryPendingHandOffs(h.center, h.cases);
    // Assess
    const queued = Object.values(await h.center.listAll()).flat();
    expect(queued.find((q) => q.contactId === known.record.id)).toMatchObject({
      customerName: 'Jonas Becker',
      customerAddress: '+4915112345678',
    });
    const unknown = queued.find((q) => q.contactId === stranger.record.id);
    expect(unknown).toMatchObject({ customerAddress: '+4917000000001' });
    expect(unknown?.customerName).toBeUndefined();
  });

  it('sends contacts to the 24/7 fallback at night and still answers in the guest’s language', async () => {
    h.clock.current = new Date('2026-11-23T02:30:00.000Z'); // 03:30 in Paris
    const result = await intake(
      h.deps,
      aContact({ from: '+33611111111', text: 'question facture', languageHint: 'fr' }),
    );
    h.clock.current = NOW;
    expect(result.record.decision).toMatchObject({ queue: 'global-247', fallbackUsed: true, language: 'en' });
    expect(result.record.decision.reasons.join(' ')).toMatch(/fr-team closed/);
    expect(result.record.reply?.language).toBe('fr');
  });

  it('does not attach a message to someone else’s case when it quotes that case number', async () => {
    const victim = await intake(h.deps, aContact({ from: '+33612345678', text: `problem ${CAMILLE}` }));
    const forged = await intake(
      h.deps,
      aContact({ from: '+19995550102', text: `about ${victim.record.caseNumber}`, languageHint: 'en' }),
    );
    expect(forged.record.caseNumber).not.toBe(victim.record.caseNumber);
  });

  it('costs a bounded number of DynamoDB requests for a new contact', async () => {
    h.requests.reset();
    await intake(
      h.deps,
      aContact({ from: '+4915112345678', text: `Buchung ${JONAS} extra bed`, languageHint: 'de' }),
    );
    // Measured: 4 GetItem, 1 BatchGetItem, 4 PutItem, 2 UpdateItem (see README, "Key design").
    expect(h.requests.total()).toBeLessThanOrEqual(11);
  });
});
