// A mail survey answer is found by its sender's address, so a forged From must not score (and reopen)
// someone else's case: through the real SMTP door with EMAIL_SENDER_PROOF=dmarc, as in AWS, where the
// verdicts come from SES's topmost "Authentication-Results: amazonses.com" (written here by the test).
import { describe, expect, it } from 'vitest';
import { useMailRuntime } from '../support/mail-runtime';

const NOW = '2026-11-23T10:00:00.000Z';
const SUPPORT = 'support@contact-router.local';
const JONAS = 'jonas.weber@example.de';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

// A DMARC failure under the domain's reject/quarantine policy is already recorded without an answer
// (verdicts.ts); the forger's way in is a verdict that is no pass and no such failure: a domain that
// publishes no DMARC policy ("none"), or a failure under p=none.
const VERDICTS = {
  pass: 'spf=pass; dkim=pass; dmarc=pass header.from=example.de;',
  none: 'spf=fail; dkim=none; dmarc=none header.from=example.de;',
  failNone: 'spf=fail; dkim=fail; dmarc=fail (p=NONE sp=NONE pct=100) header.from=example.de;',
} as const;

let count = 0;
function message(verdict: keyof typeof VERDICTS, subject: string, text: string): string {
  count++;
  return [
    `Authentication-Results: amazonses.com; ${VERDICTS[verdict]}`,
    `From: Jonas Weber <${JONAS}>`,
    `To: ${SUPPORT}`,
    `Subject: ${subject}`,
    `Message-ID: <survey-forgery-${count}.${Date.now()}@example.de>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
  ].join('\r\n');
}

describe('a forged From answering a mail survey', () => {
  const mail = useMailRuntime(NOW, { EMAIL_SENDER_PROOF: 'dmarc' });

  const send = (raw: string) => mail().smtp.sendMail({ envelope: { from: JONAS, to: SUPPORT }, raw });
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${mail().runtime.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Json;
  };

  it('scores nothing and raises nothing; the guest’s own proven answer then counts', async () => {
    // Prepare: Jonas writes (DMARC passes), the case is resolved and his survey goes out by mail
    await send(message('pass', 'Rechnung', 'Guten Tag, ich brauche eine Rechnung für meinen Aufenthalt.'));
    const cases = (await api('GET', '/api/cases')).cases as Json[];
    const caseNumber = cases.find((c) => c.ownerKey === JONAS)?.caseNumber as string;
    const resolved = await api('POST', `/api/cases/${caseNumber}/resolve`, { agent: 'ben' });
    expect(resolved.survey).toMatchObject({ sent: true, channel: 'email' });
    const before = (await api('GET', `/api/cases/${caseNumber}`)).case as Json;

    // Act: two mails in his name that DMARC does not vouch for, scoring 1
    await send(message('none', 'Re: Ihre Meinung', '1 furchtbar'));
    await send(message('failNone', 'Re: Ihre Meinung', '1 ganz schlecht'));
    const afterForgery = (await api('GET', `/api/cases/${caseNumber}`)).case as Json;
    // …then his own, proven
    await send(message('pass', 'Re: Ihre Meinung', '5 danke'));
    const afterAnswer = (await api('GET', `/api/cases/${caseNumber}`)).case as Json;

    // Assess
    // (the forged mail is an ordinary message from that address: like any mail, it continues the case)
    expect(afterForgery.satisfaction).toBeUndefined();
    expect(afterForgery.priority).toBe(before.priority);
    expect(afterAnswer.satisfaction).toMatchObject({ score: 5 });
  });
});
