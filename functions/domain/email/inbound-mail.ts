/** One header line as it arrived: name lower-cased, value unfolded; the topmost line comes first. */
export interface HeaderLine {
  readonly name: string;
  readonly value: string;
}

/** An attachment kept in the raw message; only this reference is stored, never the content. */
export interface AttachmentRef {
  readonly filename?: string | undefined;
  readonly contentType: string;
  readonly size: number;
}

/** What the receiving service said about a message (the door reads them from its wire format). */
export interface MailVerdicts {
  readonly spam?: string | undefined;
  readonly virus?: string | undefined;
  readonly spf?: string | undefined;
  readonly dkim?: string | undefined;
  readonly dmarc?: string | undefined;
  /** The sending domain's DMARC policy, given when DMARC failed: none, quarantine or reject. */
  readonly dmarcPolicy?: string | undefined;
  /** The From domain DMARC was evaluated for (SES's `header.from`), lower-cased. */
  readonly dmarcDomain?: string | undefined;
}

/** How the From field was written: a sender is proven only by one header holding one mailbox. */
export interface FromField {
  /** How many From header lines the message has. */
  readonly headers: number;
  /** Every address in them, lower-cased, group members included. */
  readonly addresses: readonly string[];
  /** Whether any of them uses group syntax ("name: a@x, b@y;"). */
  readonly group: boolean;
}

/** An inbound email as the door parsed it: everything the email domain needs, nothing of the MIME library. */
export interface InboundMail {
  /** SES message id (the S3 object's name) or the local door's id: one per delivery. */
  readonly id: string;
  /** Where the raw MIME is kept, e.g. "s3://bucket/inbound/abc" or "file:///…/abc.eml". */
  readonly rawRef: string;
  readonly sizeBytes: number;
  readonly headers: readonly HeaderLine[];
  /** Lower-cased address of the From header (the first mailbox when there are several). */
  readonly from?: string | undefined;
  /** The From field as written; absent when the door could not tell (then no sender is proven). */
  readonly fromField?: FromField | undefined;
  readonly replyTo?: string | undefined;
  readonly sender?: string | undefined;
  /** The envelope sender: "" for the null sender `<>`, undefined when no Return-Path was recorded. */
  readonly returnPath?: string | undefined;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** Envelope recipients (SES receipt recipients, SMTP RCPT TO), lower-cased. */
  readonly recipients: readonly string[];
  readonly subject: string;
  /** The body as text (HTML-only mail already turned into text), whole. */
  readonly text: string;
  /** The Message-ID, e.g. "<abc@mail.example>"; the door read it out of its header. */
  readonly messageId?: string | undefined;
  /** The ids In-Reply-To names, one per entry (the door split the header). */
  readonly inReplyTo: readonly string[];
  /** The ids References names, oldest first, one per entry. */
  readonly references: readonly string[];
  /** Top-level content type, lower-cased, e.g. "multipart/report". */
  readonly contentType: string;
  /** The report-type parameter of a multipart/report. */
  readonly reportType?: string | undefined;
  readonly attachments: readonly AttachmentRef[];
  /** Message ids quoted by embedded originals (message/rfc822, text/rfc822-headers): what a bounce is about. */
  readonly embeddedMessageIds: readonly string[];
  /** The receiving service's spam, virus and authentication verdicts, as the door read them. */
  readonly verdicts: MailVerdicts;
  /** Set when the message was over the size limit: only its headers were read. */
  readonly oversized?: { readonly limitBytes: number } | undefined;
  /** ISO 8601 time the message was received. */
  readonly receivedAt: string;
}

/** Every value of a header, topmost first. */
export function headerValues(mail: Pick<InboundMail, 'headers'>, name: string): string[] {
  const wanted = name.toLowerCase();
  return mail.headers.filter((h) => h.name === wanted).map((h) => h.value);
}

/** The topmost value of a header (the one the last hop added), if present. */
export function headerValue(mail: Pick<InboundMail, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return mail.headers.find((h) => h.name === wanted)?.value;
}
