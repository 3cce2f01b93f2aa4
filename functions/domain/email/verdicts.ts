import { headerValue, headerValues, type InboundMail, type MailVerdicts } from './inbound-mail';

/** What the SES verdicts mean for a message. */
export type VerdictAction =
  | { readonly kind: 'quarantine'; readonly reason: string }
  | { readonly kind: 'record-only'; readonly reason: string }
  | { readonly kind: 'accept' };

// SES prepends its own Authentication-Results; a sender can add more lower down, so only the topmost
// one from amazonses.com counts.
function fromAuthenticationResults(mail: InboundMail): Partial<MailVerdicts> {
  const ours = headerValues(mail, 'authentication-results').find((v) => /^\s*amazonses\.com\s*;/i.test(v));
  if (!ours) return {};
  const method = (name: string) => new RegExp(`\\b${name}=([a-z_]+)`, 'i').exec(ours)?.[1]?.toUpperCase();
  const policy = /\bp(?:olicy\.dmarc)?=(none|quarantine|reject)\b/i.exec(ours)?.[1]?.toLowerCase();
  // SES writes "dmarc=pass header.from=example.com;": the domain DMARC was evaluated for (RFC 8601 §2.7.1).
  const dmarcDomain = /\bdmarc=[a-z_]+\b[^;]*?\bheader\.from=([^\s;()]+)/i
    .exec(ours)?.[1]
    ?.toLowerCase()
    .replace(/\.$/, '');
  return {
    spf: method('spf'),
    dkim: method('dkim'),
    dmarc: method('dmarc'),
    dmarcPolicy: policy,
    dmarcDomain,
  };
}

/**
 * The verdicts of a message: the receipt's when the event carried one, else SES's topmost headers. The
 * receipt names no domain, so the domain DMARC was evaluated for always comes from SES's header.
 */
export function verdictsOf(mail: InboundMail): MailVerdicts {
  if (mail.receipt) return { ...mail.receipt, dmarcDomain: fromAuthenticationResults(mail).dmarcDomain };
  return {
    spam: headerValue(mail, 'x-ses-spam-verdict')?.trim().toUpperCase(),
    virus: headerValue(mail, 'x-ses-virus-verdict')?.trim().toUpperCase(),
    ...fromAuthenticationResults(mail),
  };
}

/**
 * A virus FAIL is quarantined and never answered. Spam FAIL, and DMARC FAIL when the domain asks for
 * reject or quarantine (or we cannot tell its policy), are recorded without an answer: acknowledging
 * forged mail would send our reply, maybe with booking details, to whoever the forger named.
 */
export function verdictAction(verdicts: MailVerdicts): VerdictAction {
  if (verdicts.virus === 'FAIL') return { kind: 'quarantine', reason: 'virus verdict FAIL' };
  if (verdicts.spam === 'FAIL') return { kind: 'record-only', reason: 'spam' };
  if (verdicts.dmarc === 'FAIL' && verdicts.dmarcPolicy?.toLowerCase() !== 'none') {
    return { kind: 'record-only', reason: `dmarc-${verdicts.dmarcPolicy?.toLowerCase() ?? 'fail'}` };
  }
  return { kind: 'accept' };
}
