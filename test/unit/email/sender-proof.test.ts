import { describe, expect, it } from 'vitest';
import { parseMail } from '../../../functions/adapters/email/parse-mail';
import type { MailVerdicts } from '../../../functions/domain/email/inbound-mail';
import { senderProof } from '../../../functions/domain/email/sender-proof';

// What SES stamps on every stored message (the S3 action), here for a given From domain.
const ses = (verdict: string, domain: string) =>
  `Authentication-Results: amazonses.com; spf=pass (spfCheck: domain of ${domain} designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from=bounce@${domain}; helo=mx.${domain}; dkim=pass header.i=@${domain}; dmarc=${verdict} header.from=${domain};`;

async function proofOf(from: string, authentication: string, requireDmarcPass = true) {
  const head = [authentication, from].filter((line) => line !== '').join('\r\n');
  const raw = `${head}\r\nTo: support@contact-router.local\r\nSubject: Ma réservation\r\nMessage-ID: <a1@example.fr>\r\n\r\nBonjour\r\n`;
  const mail = await parseMail(Buffer.from(raw), {
    id: 'm1',
    rawRef: 'file:///m1.eml',
    receivedAt: '2026-11-23T10:00:00.000Z',
    limitBytes: 1_000_000,
  });
  return senderProof(mail, mail.verdicts, requireDmarcPass);
}

describe('email sender proof', () => {
  it('proves one From mailbox whose domain DMARC passed for, case and trailing dot aside', async () => {
    expect(await proofOf('From: Camille <camille@example.fr>', ses('pass', 'example.fr'))).toEqual({
      proven: true,
    });
    expect(await proofOf('From: camille@Example.FR', ses('pass', 'example.fr.'))).toEqual({ proven: true });
  });

  it('proves nothing when From names more than one sender, whatever DMARC says', async () => {
    const pass = ses('pass', 'evil.example');
    expect(await proofOf('From: camille@example.fr, mallory@evil.example', pass)).toEqual({
      proven: false,
      reason: '2 addresses in From',
    });
    expect(await proofOf('From: camille@example.fr\r\nFrom: mallory@evil.example', pass)).toEqual({
      proven: false,
      reason: '2 From headers',
    });
    expect(await proofOf('From: Guests: camille@example.fr;', pass)).toEqual({
      proven: false,
      reason: 'group syntax in From',
    });
    expect(await proofOf('To: x@example.fr', pass)).toEqual({ proven: false, reason: '0 From headers' });
    // With sender proof off (the local SMTP door) a From is taken as written, but only one sender
    expect(await proofOf('From: camille@example.fr, mallory@evil.example', '', false)).toMatchObject({
      proven: false,
    });
    expect(await proofOf('From: camille@example.fr', '', false)).toEqual({ proven: true });
  });

  it('aligns strictly: a pass for another domain, a parent or a subdomain proves nothing', async () => {
    const cases: Array<[string, string]> = [
      ['camille@example.fr', 'evil.example'],
      ['camille@mail.example.fr', 'example.fr'],
      ['camille@example.fr', 'mail.example.fr'],
    ];
    for (const [address, domain] of cases)
      expect(await proofOf(`From: ${address}`, ses('pass', domain))).toEqual({
        proven: false,
        reason: 'DMARC passed for another domain than From',
      });
    // A display name that looks like an address is not the address
    expect(
      await proofOf('From: camille@example.fr <mallory@evil.example>', ses('pass', 'example.fr')),
    ).toMatchObject({
      proven: false,
    });
  });

  it('needs the pass and the domain from SES itself: a receipt names no domain, a sender header counts for nothing', async () => {
    expect(await proofOf('From: camille@example.fr', ses('fail', 'example.fr'))).toEqual({
      proven: false,
      reason: 'DMARC FAIL',
    });
    const forgedBelow = `X-SES-Spam-Verdict: PASS\r\n${ses('fail', 'example.fr')}\r\n${ses('pass', 'example.fr').replace('amazonses.com', 'amazonses.com ')}`;
    expect((await proofOf('From: camille@example.fr', forgedBelow)).proven).toBe(false);
    const receiptOnly: MailVerdicts = { dmarc: 'PASS', spam: 'PASS', virus: 'PASS' };
    const mail = await parseMail(Buffer.from('From: camille@example.fr\r\n\r\nhi'), {
      id: 'm2',
      rawRef: 'file:///m2.eml',
      receipt: receiptOnly,
      receivedAt: '2026-11-23T10:00:00.000Z',
      limitBytes: 1000,
    });
    expect(senderProof(mail, mail.verdicts, true)).toEqual({
      proven: false,
      reason: 'DMARC passed for a domain SES did not name',
    });
    const stamped = await parseMail(
      Buffer.from(`${ses('pass', 'example.fr')}\r\nFrom: camille@example.fr\r\n\r\nhi`),
      {
        id: 'm3',
        rawRef: 'file:///m3.eml',
        receipt: receiptOnly,
        receivedAt: '2026-11-23T10:00:00.000Z',
        limitBytes: 1000,
      },
    );
    expect(stamped.verdicts).toMatchObject({ dmarc: 'PASS', dmarcDomain: 'example.fr' });
    expect(senderProof(stamped, stamped.verdicts, true)).toEqual({ proven: true });
  });
});
