/**
 * Lambda, invoked by an operator (`aws lambda invoke --cli-binary-format raw-in-base64-out --payload
 * '{"phone":"+44…"}'` or `'{"email":"…"}'`; AWS CLI v2 needs that flag for a JSON payload, per the
 * Lambda developer guide, "Invoke a Lambda function synchronously"):
 * erases one guest (docs/cases.md, "Erasure and retention") and answers
 * `{ erasureId, erased: { customers, cases, contacts, rawMails, outbox, bookings, notices, incidents } }`.
 * A bad payload
 * fails the invocation with a ValidationError naming the field (never echoing the value). The log
 * holds the erasure id and counts, never the phone or address.
 *
 * Environment: TABLE_NAME, RAW_MAIL_BUCKET (optional), QUARANTINE_PREFIX, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID, CONNECT_QUEUES (functions/wiring/erase-guest-env.ts).
 * IAM: dynamodb:GetItem, Query, PutItem, UpdateItem, BatchWriteItem on the table and its gsi1 index
 * (infra/constructs/erasure-grants.ts);
 * s3:DeleteObject under the raw-mail bucket's inbound/ and quarantine/ prefixes; connect:StopContact on
 * the instance's contacts (a waiting task of an erased case is withdrawn).
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { ValidationError } from '../domain/errors';
import { type EraseGuestDeps, type ErasureResult, eraseGuest } from '../domain/privacy/erase-guest';
import { parseErasureSubject } from '../domain/privacy/erasure-subject';
import { wireEraseGuest } from '../wiring/erase-guest';

const FIELDS = new Set(['phone', 'email']);

function subjectOf(event: unknown) {
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    throw new ValidationError('payload', 'expected {"phone":"+E164"} or {"email":"address"}');
  const fields = event as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    if (!FIELDS.has(name)) throw new ValidationError(name, 'unknown field: send "phone" or "email"');
    if (typeof value !== 'string') throw new ValidationError(name, 'expected a string');
  }
  return parseErasureSubject({
    phone: fields.phone as string | undefined,
    email: fields.email as string | undefined,
  });
}

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function eraseGuestHandler(makeDeps: () => EraseGuestDeps) {
  let deps: EraseGuestDeps | undefined;
  return middy(async (event: unknown, _context: Context): Promise<ErasureResult> => {
    const subject = subjectOf(event);
    deps ??= makeDeps();
    return eraseGuest(deps, subject);
  });
}

/** The deployed handler. */
export const handler = eraseGuestHandler(() => wireEraseGuest());
