import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DependencyError } from '../../functions/domain/errors';
import { DMARC_PASS, type EmailHarness, NOW, SOFIA, startEmailHarness } from '../support/email-harness';
import { aMail } from '../support/email-mail';
import { closeForGood } from '../support/intake-harness';

describe('receiveMail over DynamoDB: duplicates, verdicts, limits, safe acknowledgements', () => {
  let e: EmailHarness;

  beforeAll(async () => {
    e = await startEmailHarness();
  });
  afterAll(() => e.h.db.stop());
  beforeEach(() => e.reset());

  it('records the same Message-ID for the same recipient once, and again for another recipient', async () => {
    // Prepare
    const mail = aMail({ from: 'pierre@example.fr', text: 'Question' });
    // Act
    const first = await e.receive(mail);
    const again = await e.receive({ ...mail, id: `${mail.id}-resent` });
    const other = await e.receive({
      ...mail,
      id: `${mail.id}-sales`,
      recipients: ['sales@contact-router.local'],
    });
    // Assess
    expect(again).toMatchObject({
      status: 'duplicate',
      contactId: first.contactId,
      ack: { delivery: 'none' },
    });
    expect(await e.h.cases.getContact(`email:${mail.id}-resent`)).toBeUndefined();
    expect(other.status).toBe('recorded');
  });

  it('asks a copy to retry while another copy of the message is at work, and takes over a claim gone stale', async () => {
    // Prepare: another delivery of the same Message-ID claimed it and has not stored its contact yet
    const mail = aMail({ from: 'twice@example.fr', text: 'Question' });
    const copy = { messageId: mail.messageId ?? '', recipient: mail.recipients[0] ?? '' };
    const now = e.h.clock.now();
    await e.h.cases.claimMessage(copy, 'email:other-copy', now, new Date(now.getTime() - 120_000));
    // Act
    const early = await e.receive(mail).catch((error: unknown) => error);
    e.h.clock.advanceMinutes(3);
    const later = await e.receive(mail);
    e.h.clock.current = NOW;
    // Assess
    expect(early).toBeInstanceOf(DependencyError);
    // It goes on as the copy that died (same contact id), so nothing that copy wrote is written twice.
    expect(later).toMatchObject({ status: 'recorded', contactId: 'email:other-copy' });
    expect(await e.h.cases.getContact(`email:${mail.id}`)).toBeUndefined();
    expect(e.mailer.sent).toHaveLength(1);
  });

  it('puts a message on its case timeline once when a copy takes over from one that died half-way', async () => {
    // Prepare: a case, then a follow-up whose first copy claimed it, put it on the case and died
    const opened = await e.receive(aMail({ from: 'half@example.fr', text: 'Question' }));
    const followUp = aMail({ from: 'half@example.fr', text: 'Any news?' });
    const copy = { messageId: followUp.messageId ?? '', recipient: followUp.recipients[0] ?? '' };
    const now = e.h.clock.now();
    await e.h.cases.claimMessage(copy, 'email:dead-copy', now, new Date(now.getTime() - 120_000));
    await e.h.cases.appendToCase(
      opened.caseNumber ?? '',
      { type: 'contact', at: now.toISOString(), channel: 'email', contactId: 'email:dead-copy' },
      {},
    );
    e.h.clock.advanceMinutes(3);
    // Act
    const later = await e.receive(followUp);
    e.h.clock.current = NOW;
    // Assess
    expect(later).toMatchObject({ caseNumber: opened.caseNumber, contactId: 'email:dead-copy' });
    const kase = await e.h.cases.getCase(opened.caseNumber ?? '');
    const contacts = kase?.timeline.filter((event) => event.type === 'contact') ?? [];
    expect(contacts.map((event) => event.contactId)).toEqual(['email:dead-copy']);
    expect(await e.h.cases.getContact('email:dead-copy')).toBeDefined();
  });

  it('treats a copy arriving after the first one finished as a duplicate, however late', async () => {
    // Prepare
    const mail = aMail({ from: 'late@example.fr', text: 'Question' });
    const first = await e.receive(mail);
    e.h.clock.advanceMinutes(30);
    // Act
    const late = await e.receive({ ...mail, id: `${mail.id}-late-copy` });
    e.h.clock.current = NOW;
    // Assess
    expect(late).toMatchObject({ status: 'duplicate', contactId: first.contactId });
    expect(await e.h.cases.getContact(`email:${mail.id}-late-copy`)).toBeUndefined();
    expect(e.mailer.sent).toHaveLength(1);
  });

  it('changes nothing when SES redelivers the same message', async () => {
    const mail = aMail({ from: 'marco@example.it', text: 'Rimborso?' });
    const first = await e.receive(mail);
    const again = await e.receive(mail);
    expect(again).toMatchObject({
      status: 'duplicate',
      contactId: first.contactId,
      caseNumber: first.caseNumber,
    });
    expect(e.mailer.sent).toHaveLength(1);
  });

  it('quarantines a virus without a case or an answer; records spam and DMARC rejects without an answer', async () => {
    // Prepare
    const virus = aMail({}, [['X-SES-Virus-Verdict', 'FAIL']]);
    const spam = aMail({ from: 'promo@spam.example' }, [['X-SES-Spam-Verdict', 'FAIL']]);
    const spoofed = aMail({ from: 'camille@example.fr', receipt: { dmarc: 'FAIL', dmarcPolicy: 'reject' } });
    // Act
    const v = await e.receive(virus);
    const s = await e.receive(spam);
    const d = await e.receive(spoofed);
    // Assess
    expect(v).toMatchObject({ status: 'quarantined', quarantinedAt: `s3://mail/quarantine/${virus.id}` });
    expect(e.quarantined).toEqual([virus.id]);
    expect(await e.h.cases.getContact(v.contactId)).toBeUndefined();
    expect(s).toMatchObject({ status: 'recorded', ack: { delivery: 'suppressed', reason: 'spam' } });
    expect(d).toMatchObject({ status: 'recorded', ack: { delivery: 'suppressed', reason: 'dmarc-reject' } });
    expect(e.mailer.sent).toHaveLength(0);
  });

  it('limits acknowledgements per sender per hour across cases', async () => {
    // Prepare
    e.deps = { ...e.deps, settings: { ...e.deps.settings, perSenderPerHour: 2 } };
    const from = 'busy@example.com';
    const outcomes = [];
    const cases: string[] = [];
    // Act: each mail after the first lands on a fresh case (the previous one closed)
    for (let i = 0; i < 3; i++) {
      const outcome = await e.receive(aMail({ from, subject: `Question ${i}`, text: `Question ${i}` }));
      outcomes.push(outcome.ack);
      cases.push(outcome.caseNumber as string);
      await closeForGood(e.h, outcome.caseNumber as string, NOW);
    }
    // Assess
    expect(outcomes.map((a) => a.delivery)).toEqual(['sent', 'sent', 'suppressed']);
    expect(outcomes[2]?.reason).toBe('rate limit: 2 automatic messages per hour');
    // Agents read "acknowledged" on a case only when the email went out
    const timelines = [];
    for (const caseNumber of cases) timelines.push((await e.h.cases.getCase(caseNumber))?.timeline ?? []);
    const types = timelines.map((t) =>
      t.filter((event) => event.type !== 'resolved' && event.type !== 'closed').map((event) => event.type),
    );
    expect(types).toEqual([['opened', 'acknowledged'], ['opened', 'acknowledged'], ['opened']]);
    expect(timelines[0]?.find((event) => event.type === 'acknowledged')?.channel).toBe('email');
  });

  it('follows Reply-To for a plain acknowledgement, but sends booking details only to the From address', async () => {
    const plain = await e.receive(
      aMail({ from: 'guest@example.org', replyTo: 'assistant@example.org', text: 'Hi' }),
    );
    expect(plain.ack.to).toBe('assistant@example.org');
    const disclosing = await e.receive(
      aMail(
        {
          from: 'sofia@example.it',
          replyTo: 'attacker@evil.example',
          subject: 'Stato',
          text: `Stato della prenotazione ${SOFIA}?`,
        },
        [DMARC_PASS],
      ),
    );
    expect(disclosing.ack.to).toBe('sofia@example.it');
    expect(e.mailer.sent.at(-1)?.text).toContain('Albergo Sole');
  });

  it('never verifies a From address that DMARC did not vouch for: no booking details, agents see unverified', async () => {
    const forged = await e.receive(
      aMail({ from: 'sofia@example.it', subject: 'Stato', text: `Stato della prenotazione ${SOFIA}?` }),
    );
    const stored = await e.h.cases.getContact(forged.contactId);
    expect(stored?.verification).toBe('unverified');
    expect(stored?.reply?.disclosedBooking).toBe(false);
    expect(stored?.reply?.text).not.toContain('Albergo Sole');
  });

  it('keeps a reply pending after a send that may work later, and marks it failed after one that never will', async () => {
    // Prepare
    const mail = aMail({ from: 'retry@example.com', text: 'Hello' });
    e.mailer.failWith = new DependencyError('ses', 'throttled', { retryable: true });
    // Act
    const error = await e.receive(mail).catch((e: unknown) => e);
    const planned = (await e.h.cases.getContact(`email:${mail.id}`))?.reply?.messageId ?? '';
    const pending = await e.outbound.ledger.get(planned);
    e.mailer.failWith = undefined;
    const retried = await e.receive(mail);
    // Assess
    expect(error).toBeInstanceOf(DependencyError);
    expect(pending).toMatchObject({
      status: 'pending',
      error: expect.stringContaining('throttled'),
    });
    expect(retried).toMatchObject({ status: 'duplicate', ack: { delivery: 'sent' } });
    const rejected = aMail({ from: 'rejected@example.com', text: 'Hello' });
    e.mailer.failWith = new DependencyError('ses', 'MessageRejected', { retryable: false });
    expect((await e.receive(rejected)).ack.delivery).toBe('failed');
  });

  it('finishes the acknowledgement a copy left unsent when another copy of the message arrives', async () => {
    // Prepare: the first copy stored its contact, then its send failed and it was never retried
    const mail = aMail({ from: 'unsent@example.com', text: 'Hello' });
    e.mailer.failWith = new DependencyError('ses', 'throttled', { retryable: true });
    await e.receive(mail).catch(() => undefined);
    e.mailer.failWith = undefined;
    // Act
    const copy = await e.receive({ ...mail, id: `${mail.id}-copy` });
    const again = await e.receive({ ...mail, id: `${mail.id}-third` });
    // Assess
    expect(copy).toMatchObject({
      status: 'duplicate',
      contactId: `email:${mail.id}`,
      ack: { delivery: 'sent' },
    });
    expect(again).toMatchObject({ status: 'duplicate', ack: { delivery: 'none' } });
    expect(e.mailer.sent).toHaveLength(1);
  });

  it('costs a new email contact its DynamoDB requests', async () => {
    // Prepare
    const mail = aMail({ from: 'count@example.com', text: 'Counting' });
    e.h.requests.reset();
    // Act
    await e.receive(mail);
    // Assess: 7 for the intake of an unknown sender's new case (its three reads are one BatchGetItem, the
    // waiting entry is read and written), plus 8 for email: the Message-ID claim, remembering its id;
    // deliver's one-per-case claim, rate counter, ledger claim and settlement; the acknowledgement's ids,
    // and "acknowledged" on the case's timeline once the acknowledgement went out
    expect(e.h.requests.total()).toBe(15);
  });
});
