import type { CaseStore } from '../ports';
import type { InboundMail } from './inbound-mail';

/** Which case and contact a message id belongs to. */
export interface MessageRef {
  readonly caseNumber: string;
  readonly contactId: string;
}

/** One copy of a message: its Message-ID, as the mail gave it, and the recipient it was delivered to. */
export interface MessageCopy {
  readonly messageId: string;
  readonly recipient: string;
}

/** Who holds a message claim, and whether the caller may go on under that contact id. */
export interface MessageClaim {
  readonly holder: string;
  readonly mine: boolean;
}

/** Port: the CaseStore plus what email threading and safe acknowledgements need. */
export interface EmailCaseStore extends CaseStore {
  /**
   * Claims a message (Message-ID + recipient) for a contact. A claim made before `staleBefore` is taken
   * over but keeps its contact id, so the copy that takes it over goes on as the first copy would have
   * (its case event and contact, if written before the first copy died, are not written twice). A
   * Message-ID that is no id (RFC 5322 msg-id) cannot be claimed: the caller goes on under its own
   * contact id, as for a mail without one.
   */
  claimMessage(message: MessageCopy, contactId: string, now: Date, staleBefore: Date): Promise<MessageClaim>;
  /**
   * Remembers message ids (as mail carries them: "<id-left@id-right>") as belonging to a case and
   * contact; the store decides how ids compare (case, brackets, a mail service's rewritten ids).
   */
  rememberMessageIds(ids: readonly string[], ref: MessageRef): Promise<void>;
  /** The case and contact of the first of these message ids that is known. */
  findByMessageIds(ids: readonly string[]): Promise<MessageRef | undefined>;
}

/** Port: moves a raw message out of reach (virus verdict); returns where it now is. */
export interface MailQuarantine {
  quarantine(mail: InboundMail, reason: string): Promise<string>;
}
