import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMail } from '../../functions/adapters/email/parse-mail';
import { folderOf, type Label } from '../fixtures/email/machine/corpus';
import { type EmailHarness, startEmailHarness } from '../support/email-harness';

async function parsed(label: Label, file: string) {
  return parseMail(readFileSync(join(folderOf(label), file)), {
    id: `it-${label}-${file}`,
    rawRef: `s3://mail/inbound/${file}`,
    receivedAt: '2026-11-23T10:00:00.000Z',
    limitBytes: 10_000_000,
  });
}

describe('machine mail through the email door over DynamoDB', () => {
  let e: EmailHarness;

  beforeAll(async () => {
    e = await startEmailHarness();
  });
  afterAll(() => e.h.db.stop());
  beforeEach(() => e.reset());

  it.each([
    ['machine', 'written-icloud-vacation.eml', 'auto-reply'],
    ['machine', 'written-x-mailing-list.eml', 'list'],
    ['machine', 'sisimai-arf-24.eml', 'complaint-report'],
    ['machine', 'flanker-disposition-notification.eml', 'read-receipt'],
    ['machine', 'written-tmda-challenge.eml', 'challenge-response'],
    ['machine', 'written-subject-de.eml', 'auto-reply'],
  ] as const)('records %s/%s as a contact, says why (%s) and sends nothing', async (label, file, reason) => {
    // Prepare
    const mail = await parsed(label, file);
    // Act
    const outcome = await e.receive(mail);
    // Assess
    expect(outcome).toMatchObject({
      status: 'recorded',
      noReplyReason: reason,
      ack: { delivery: 'suppressed', reason },
    });
    expect(e.mailer.sent).toHaveLength(0);
    // The plan says why no answer is due: no message id, so nothing reaches deliver or the outbox.
    const reply = (await e.h.cases.getContact(outcome.contactId))?.reply;
    expect(reply).toMatchObject({ reason });
    expect(reply?.messageId).toBeUndefined();
  });

  it.each([
    'written-re-out-of-office-question.eml',
    'written-forwarded-vacation.eml',
    'talon-thunderbird.eml',
  ])('acknowledges the person who wrote %s', async (file) => {
    // Prepare
    const mail = await parsed('person', file);
    // Act
    const outcome = await e.receive(mail);
    // Assess
    expect(outcome.noReplyReason).toBeUndefined();
    expect(outcome.ack).toMatchObject({ delivery: 'sent', to: mail.from });
    expect(e.mailer.sent).toHaveLength(1);
  });
});
