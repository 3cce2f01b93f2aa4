import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SurveyItems } from '../../functions/adapters/dynamodb/survey-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { hmacSigner } from '../../functions/adapters/email/hmac-signer';
import { applyCaseAction } from '../../functions/domain/cases/apply-action';
import { type IntakeDeps, intake } from '../../functions/domain/intake/intake';
import { answerSurveyLink, readSurveyLink } from '../../functions/domain/survey/answer-by-link';
import { offerSurvey, type SurveyDeps } from '../../functions/domain/survey/offer-survey';
import { aContact, defaultPolicy, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { LedgerDeliver } from '../support/ledger-deliver';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const sign = hmacSigner('survey-test-key-0123');

describe('satisfaction survey over DynamoDB', () => {
  let h: IntakeHarness;
  let ledger: LedgerDeliver;
  let surveys: SurveyItems;
  let withSurveys: IntakeDeps;
  let deps: SurveyDeps;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    surveys = new SurveyItems(new TableClient(h.db.documentClient, h.db.tables.main));
    withSurveys = { ...h.deps, surveys };
  });
  afterAll(() => h.db.stop());
  beforeEach(() => {
    ledger = new LedgerDeliver();
    h.clock.current = NOW;
    deps = {
      cases: h.cases,
      surveys,
      deliver: ledger.deliver,
      policy: defaultPolicy,
      links: { baseUrl: 'https://support.example.com', sign },
    };
  });

  /** A guest writes, an agent resolves at `at`; answers the resolved case. */
  async function resolvedCase(contact: Parameters<typeof aContact>[0], at = minutes(30)) {
    const first = await intake(withSurveys, aContact(contact));
    const resolved = await applyCaseAction(
      { cases: h.cases, center: h.center, policy: defaultPolicy },
      first.record.caseNumber,
      { type: 'resolve' },
      { kind: 'agent', id: 'agent-ana' },
      at,
    );
    if (!resolved.ok) throw new Error(resolved.reason);
    return resolved.case;
  }

  it('asks one question in the guest language on their channel, once per resolution', async () => {
    // Prepare
    const kase = await resolvedCase({ from: '+33612340001', text: 'Bonjour, le wifi ne marche pas' });

    // Act
    const first = await offerSurvey(deps, kase, minutes(31));
    const again = await offerSurvey(deps, kase, minutes(32));

    // Assess
    expect(first).toMatchObject({ sent: true, delivery: { status: 'queued' } });
    expect(ledger.of(kase.caseNumber)).toEqual([
      expect.objectContaining({
        kind: 'survey',
        channel: 'sms',
        to: '+33612340001',
        automatic: true,
        language: 'fr',
      }),
    ]);
    expect(ledger.of(kase.caseNumber)[0]?.text).toMatch(/Répondez par un chiffre de 1/);
    expect(again).toMatchObject({ sent: true });
    expect(ledger.of(kase.caseNumber)).toHaveLength(1);
    const stored = await h.cases.getCase(kase.caseNumber);
    expect(stored?.survey).toMatchObject({ channel: 'sms', to: '+33612340001' });
    expect(stored?.timeline.filter((e) => e.type === 'survey_sent')).toHaveLength(1);
  });

  it('records a good score on the case without a new contact, case or queue entry', async () => {
    // Prepare
    const kase = await resolvedCase({ from: '+33612340002', text: 'Bonjour, la clé ne marche pas' });
    await offerSurvey(deps, kase, minutes(31));
    h.clock.current = minutes(40);

    // Act
    const answer = await intake(withSurveys, aContact({ from: '+33612340002', text: '5 merci, parfait' }));

    // Assess
    expect(answer.outcome).toBe('survey_answer');
    expect(answer.record).toMatchObject({ caseNumber: kase.caseNumber, handoff: 'not_needed' });
    expect(answer.record.reply?.text).toBe(`Merci pour votre avis sur le dossier ${kase.caseNumber}.`);
    const stored = await h.cases.getCase(kase.caseNumber);
    expect(stored).toMatchObject({
      status: 'resolved',
      contactCount: kase.contactCount,
      satisfaction: { score: 5, comment: 'merci, parfait', at: minutes(40).toISOString() },
    });
    const queued = (await h.center.listQueue(kase.queue)).filter((e) => e.caseNumber === kase.caseNumber);
    expect(queued).toEqual([]);
  });

  it('reopens the case one priority step up with the comment after a score of 1 or 2', async () => {
    // Prepare
    const kase = await resolvedCase({ from: '+33612340003', text: 'Bonjour, pas d’eau chaude' });
    await offerSurvey(deps, kase, minutes(31));
    h.clock.current = minutes(45);

    // Act
    const answer = await intake(
      withSurveys,
      aContact({ from: '+33612340003', text: '2 toujours pas d’eau chaude' }),
    );

    // Assess
    expect(answer).toMatchObject({ outcome: 'survey_answer', handoff: 'done' });
    const stored = await h.cases.getCase(kase.caseNumber);
    expect(stored).toMatchObject({
      status: 'waiting',
      priority: Math.max(1, kase.priority - 1),
      satisfaction: { score: 2 },
    });
    expect(stored?.timeline.find((e) => e.type === 'reopened')?.note).toBe(
      'low satisfaction 2/5: toujours pas d’eau chaude',
    );
    const entry = (await h.center.listQueue(kase.queue)).find((e) => e.caseNumber === kase.caseNumber);
    expect(entry?.priority).toBe(stored?.priority);
  });

  it('treats a second answer, or a digit from someone never surveyed, as an ordinary message', async () => {
    // Prepare
    const kase = await resolvedCase({ from: '+33612340004', text: 'Bonjour, question' });
    await offerSurvey(deps, kase, minutes(31));
    h.clock.current = minutes(40);
    await intake(withSurveys, aContact({ from: '+33612340004', text: '4' }));

    // Act
    const second = await intake(withSurveys, aContact({ from: '+33612340004', text: '1' }));
    const stranger = await intake(withSurveys, aContact({ from: '+33612349999', text: '3' }));

    // Assess
    expect(second.outcome).not.toBe('survey_answer');
    expect(stranger.outcome).toBe('new_case');
    expect((await h.cases.getCase(kase.caseNumber))?.satisfaction?.score).toBe(4);
  });

  it('sends no survey to a guest surveyed within the cool-down', async () => {
    // Prepare
    const firstCase = await resolvedCase({ from: '+33612340005', text: 'Bonjour, première question' });
    await offerSurvey(deps, firstCase, minutes(31));
    const secondCase = await resolvedCase(
      { from: '+33612340005', text: 'Bonjour, une autre question 1234567897' },
      minutes(60),
    );

    // Act
    const outcome = await offerSurvey(deps, secondCase, minutes(61));

    // Assess
    expect(secondCase.caseNumber).not.toBe(firstCase.caseNumber);
    expect(outcome).toMatchObject({ sent: false, reason: expect.stringMatching(/30 days/) });
    expect(ledger.of(secondCase.caseNumber)).toEqual([]);
  });

  it('takes an email survey answer by its signed link only when the guest sends the page', async () => {
    // Prepare
    const kase = await resolvedCase({
      channel: 'email',
      from: 'jonas@example.de',
      to: 'support@example.com',
      subject: 'Rechnung',
      text: 'Ich brauche eine Rechnung',
      languageHint: 'de',
    });
    await offerSurvey(deps, kase, minutes(31));
    const mail = ledger.of(kase.caseNumber)[0];
    const tokens = [...(mail?.text.matchAll(/\/survey\/(\S+)/g) ?? [])].map((m) => m[1] ?? '');
    const linkDeps = { cases: h.cases, center: h.center, policy: defaultPolicy, sign };

    // Act
    const opened = await readSurveyLink(linkDeps, tokens[3] ?? '', minutes(50));
    const afterOpening = (await h.cases.getCase(kase.caseNumber))?.satisfaction;
    const sent = await answerSurveyLink(linkDeps, tokens[3] ?? '', 'Schnell und freundlich', minutes(51));
    const otherScore = await answerSurveyLink(linkDeps, tokens[0] ?? '', undefined, minutes(52));
    const forged = await readSurveyLink(linkDeps, (tokens[0] ?? '').replace('.1.', '.5.'), minutes(52));

    // Assess
    expect(mail).toMatchObject({
      channel: 'email',
      to: 'jonas@example.de',
      subject: `Ihre Meinung zu Fall ${kase.caseNumber}`,
    });
    expect(opened).toEqual({ kind: 'ask', caseNumber: kase.caseNumber, language: 'de', score: 4 });
    expect(afterOpening).toBeUndefined();
    expect(sent).toMatchObject({ kind: 'done', score: 4, reopened: false });
    expect(otherScore).toMatchObject({ kind: 'done', score: 4 });
    expect(forged).toEqual({ kind: 'invalid' });
    expect((await h.cases.getCase(kase.caseNumber))?.satisfaction).toMatchObject({
      score: 4,
      comment: 'Schnell und freundlich',
    });
  });
});
