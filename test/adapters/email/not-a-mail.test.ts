// Which stored objects the email door treats as mail: every whole message of the third-party samples
// (../shared/fixtures/email, read in place) is one; SES's setup notice and a lone MIME body part are not.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { notAMailReason, SES_SETUP_NOTIFICATION } from '../../../functions/adapters/email/stored-mail';

const DIR = `${process.env.FIXTURES_DIR ?? '../shared/fixtures'}/email`;
// MANIFEST.md marks it "—": a single MIME body part (no From/To), not a whole message.
const NOT_A_MESSAGE = 'enmime-chardet-success-big-5.raw';
const at = (key: string) => ({ bucket: 'raw-mail', key });

describe('notAMailReason', () => {
  it('takes every whole message of the shared samples as mail', () => {
    const files = readdirSync(DIR).filter((f) => f !== NOT_A_MESSAGE);
    expect(files.length).toBeGreaterThan(30);
    for (const file of files)
      expect([file, notAMailReason(at(`inbound/${file}`), readFileSync(`${DIR}/${file}`))]).toEqual([
        file,
        undefined,
      ]);
  });

  it('refuses a lone MIME body part, an empty object and text without headers', () => {
    expect(notAMailReason(at('inbound/part'), readFileSync(`${DIR}/${NOT_A_MESSAGE}`))).toBe(
      'no RFC 5322 header block with a From field',
    );
    expect(notAMailReason(at('inbound/empty'), Buffer.alloc(0))).toBe('empty object');
    expect(notAMailReason(at('inbound/text'), Buffer.from('Hello,\n\nFrom: the body, not a header\n'))).toBe(
      'no RFC 5322 header block with a From field',
    );
  });

  it("refuses SES's setup notification by its name, as object or SES message id, before it is read", () => {
    expect(notAMailReason(at(`inbound/${SES_SETUP_NOTIFICATION}`))).toBe(
      'SES receipt-rule setup notification',
    );
    expect(notAMailReason(at(SES_SETUP_NOTIFICATION))).toBe('SES receipt-rule setup notification');
    expect(notAMailReason({ ...at('inbound/x'), sesMessageId: SES_SETUP_NOTIFICATION })).toBe(
      'SES receipt-rule setup notification',
    );
    expect(notAMailReason(at(`inbound/${SES_SETUP_NOTIFICATION}-not`))).toBeUndefined();
  });
});
