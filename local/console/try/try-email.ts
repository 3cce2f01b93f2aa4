import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { findCaseNumber } from '../../../functions/domain/case';
import { DependencyError } from '../../../functions/domain/errors';
import type { LocalApp } from '../../app';
import { textSent } from '../../http/outbound-view';
import type { TryResult } from './try-body';

/** Where the local SMTP door listens and the address it receives for. */
export interface SmtpDoorAccess {
  readonly host: string;
  readonly port: number;
  readonly to: string;
}

/** A guest's email, as typed in the panel. */
export interface GuestEmail {
  readonly from: string;
  readonly subject: string;
  readonly text: string;
}

async function send(access: SmtpDoorAccess, email: GuestEmail, messageId: string): Promise<string> {
  const transport = nodemailer.createTransport({
    host: access.host,
    port: access.port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await transport.sendMail({
      from: email.from,
      to: access.to,
      subject: email.subject,
      text: email.text,
      messageId,
    });
    return String(info.response);
  } catch (error) {
    throw new DependencyError(
      'smtp-door',
      `smtp://${access.host}:${access.port}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  } finally {
    transport.close();
  }
}

/**
 * Sends the email over SMTP to the real email door (as a mail server would), then reads what the
 * intake stored for it: the door's answer line names the case.
 */
export async function tryThroughSmtpDoor(
  app: LocalApp,
  access: SmtpDoorAccess,
  email: GuestEmail,
): Promise<TryResult> {
  const id = `try-${randomUUID()}@console.contact-router.local`;
  const answer = await send(access, email, `<${id}>`);
  const caseNumber = findCaseNumber(answer);
  // The door names the stored message ("queued as <id>"), which is the contact's channel message id.
  const stored = /queued as (\S+?);/.exec(answer)?.[1];
  const record = stored ? await app.cases.getContact(`email:${stored}`) : undefined;
  return {
    door: 'smtp',
    via: `SMTP to ${access.to} on port ${access.port} (the email door)`,
    note: answer.replace(/^250\s+/, ''),
    contactId: record?.id,
    caseNumber,
    queue: record?.decision.queue,
    priority: record?.decision.priority,
    reply: await textSent(app.outbound.ledger, record?.reply?.messageId),
  };
}
