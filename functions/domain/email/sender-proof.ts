import type { InboundMail, MailVerdicts } from './inbound-mail';

/** Whether an email's From proves its sender, and why not when it does not. */
export type SenderProof = { readonly proven: true } | { readonly proven: false; readonly reason: string };

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).replace(/\.$/, '');
}

// Why the From field names no single sender: then no verdict can be about "the" sender.
function ambiguity(mail: InboundMail): string | undefined {
  const field = mail.fromField;
  if (!field) return 'the From field was not read';
  if (field.headers !== 1) return `${field.headers} From headers`;
  if (field.group) return 'group syntax in From';
  if (field.addresses.length !== 1) return `${field.addresses.length} addresses in From`;
  return undefined;
}

/**
 * The one rule for email senders (docs/email.md, "Sender proof"). A From proves its sender only when
 * it is one From header holding one mailbox, no group; and, unless sender proof is off (the local SMTP
 * door), when DMARC passed for exactly that address's domain. Strict alignment (RFC 7489 §3.1: the
 * two domains identical, case aside) because the two are not an authenticated identifier and a From,
 * which DMARC aligns relaxedly by default, but two readings of the same From (SES's and ours): they can
 * only differ when the field is ambiguous or parsed differently, and then neither reading is proven.
 */
export function senderProof(
  mail: InboundMail,
  verdicts: MailVerdicts,
  requireDmarcPass: boolean,
): SenderProof {
  const ambiguous = ambiguity(mail);
  if (ambiguous) return { proven: false, reason: ambiguous };
  if (!requireDmarcPass) return { proven: true };
  if (verdicts.dmarc !== 'PASS') return { proven: false, reason: `DMARC ${verdicts.dmarc ?? 'unknown'}` };
  const from = domainOf(mail.fromField?.addresses[0] ?? '');
  if (!verdicts.dmarcDomain) return { proven: false, reason: 'DMARC passed for a domain SES did not name' };
  if (verdicts.dmarcDomain !== from)
    return { proven: false, reason: 'DMARC passed for another domain than From' };
  return { proven: true };
}
