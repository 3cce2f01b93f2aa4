import type { MailVerdicts } from './inbound-mail';

/** What the SES verdicts mean for a message. */
export type VerdictAction =
  | { readonly kind: 'quarantine'; readonly reason: string }
  | { readonly kind: 'record-only'; readonly reason: string }
  | { readonly kind: 'accept' };

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
