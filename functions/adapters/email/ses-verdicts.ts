import {
  type HeaderLine,
  headerValue,
  headerValues,
  type MailVerdicts,
} from '../../domain/email/inbound-mail';

// SES prepends its own Authentication-Results; a sender can add more lower down, so only the topmost
// one from amazonses.com counts.
function fromAuthenticationResults(headers: readonly HeaderLine[]): Partial<MailVerdicts> {
  const ours = headerValues({ headers }, 'authentication-results').find((v) =>
    /^\s*amazonses\.com\s*;/i.test(v),
  );
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
 * The verdicts SES put on a received message: the receipt's when the event carried one, else SES's
 * topmost X-SES-Spam-Verdict, X-SES-Virus-Verdict and Authentication-Results headers. The receipt names
 * no domain, so the domain DMARC was evaluated for always comes from SES's header.
 */
export function sesVerdictsOf(headers: readonly HeaderLine[], receipt?: MailVerdicts): MailVerdicts {
  if (receipt) return { ...receipt, dmarcDomain: fromAuthenticationResults(headers).dmarcDomain };
  return {
    spam: headerValue({ headers }, 'x-ses-spam-verdict')?.trim().toUpperCase(),
    virus: headerValue({ headers }, 'x-ses-virus-verdict')?.trim().toUpperCase(),
    ...fromAuthenticationResults(headers),
  };
}
