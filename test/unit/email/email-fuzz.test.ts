import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveStoredMail } from '../../../functions/adapters/email/receive-stored-mail';
import { DomainError } from '../../../functions/domain/errors';
import { emailDepsFor, MemoryMailer, MemoryRawStore } from '../../support/email-deps';
import { type IntakeHarness, startIntakeHarness } from '../../support/intake-harness';

const HEADER_NAMES = [
  'From',
  'To',
  'Cc',
  'Reply-To',
  'Subject',
  'Message-ID',
  'In-Reply-To',
  'References',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Auto-Submitted',
  'List-Id',
  'Return-Path',
  'X-SES-Spam-Verdict',
  'X-SES-Virus-Verdict',
  'Authentication-Results',
  'MIME-Version',
];
const CONTENT_TYPES = [
  'text/plain; charset=utf-8',
  'text/plain; charset=koi8-r',
  'text/plain; charset=iso-2022-jp',
  'text/plain; charset=fakescii',
  'text/html',
  'multipart/alternative; boundary=b',
  'multipart/mixed; boundary="b"',
  'multipart/report; report-type=delivery-status; boundary=b',
  'message/rfc822',
  'multipart/mixed',
];

const headerValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(...CONTENT_TYPES),
  fc.constantFrom(
    '<a@b>',
    '<>',
    '=?utf-8?B?5pel5pys?=',
    '=?koi8-r?Q?=F0=D2?=',
    'a@b.c, <d@e.f>',
    'base64',
    'quoted-printable',
  ),
);
const header = fc.tuple(fc.constantFrom(...HEADER_NAMES), headerValue).map(([n, v]) => `${n}: ${v}`);
const bodyLine = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom('--b', '--b--', '', '=E9=', 'Content-Type: text/plain', '\u0000\u00ff'),
);
const mime = fc
  .tuple(
    fc.array(header, { maxLength: 12 }),
    fc.array(bodyLine, { maxLength: 30 }),
    fc.constantFrom('\r\n', '\n'),
  )
  .map(([headers, lines, eol]) => Buffer.from(`${headers.join(eol)}${eol}${eol}${lines.join(eol)}`, 'utf8'));
const anyBytes = fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a));

describe('fuzzed MIME', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await startIntakeHarness(new Date('2026-11-23T10:00:00.000Z'));
  });
  afterAll(() => h.db.stop());

  it('never crashes the email use case: each message is recorded or refused with a domain error', async () => {
    const raw = new MemoryRawStore();
    const deps = emailDepsFor(h, raw, new MemoryMailer());
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(mime, anyBytes), async (bytes) => {
        // Prepare
        const key = `inbound/fuzz${n++}`;
        raw.objects.set(key, bytes);
        // Act
        const outcome = await receiveStoredMail(deps, { bucket: 'mail', key }).catch(
          (error: unknown) => error,
        );
        // Assess
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(DomainError);
        else
          expect(['recorded', 'duplicate', 'quarantined']).toContain((outcome as { status: string }).status);
      }),
      { numRuns: 80, seed: 20261123 },
    );
  });
});
