import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoErasureStore } from '../../functions/adapters/dynamodb/erasure-store';
import { LocalMailEraser } from '../../functions/adapters/email/local-mail-eraser';
import { ValidationError } from '../../functions/domain/errors';
import { type EraseGuestDeps, eraseGuest } from '../../functions/domain/privacy/erase-guest';
import { newErasureId } from '../../functions/domain/privacy/erasure-id';
import type { ErasureLogEntry, RawMailEraser } from '../../functions/domain/privacy/erasure-ports';
import { parseErasureSubject } from '../../functions/domain/privacy/erasure-subject';
import { LOCAL_TABLES, type LocalApp } from '../app';
import { localMailFolderOf } from '../doors/email-door';
import type { Route } from './router';

/** The local audit trail of erasures (JSON lines, no personal data), under the data folder. */
export const ERASURE_LOG = 'erasures.jsonl';
const QUERY = new Set(['phone', 'email']);
// Without the email door there is no raw mail to erase.
const NO_MAIL: RawMailEraser = { eraseReceived: async () => false, eraseSent: async () => 0 };

/** The erasure use case over the local runtime's stores, mail folder and waiting lists. */
export function localErasureDeps(app: LocalApp): EraseGuestDeps {
  const documents = DynamoDBDocumentClient.from(app.dynamoClient, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const folder = localMailFolderOf(app);
  return {
    store: new DynamoErasureStore(documents, LOCAL_TABLES.main),
    rawMail: folder ? new LocalMailEraser(folder) : NO_MAIL,
    center: app.queues,
    clock: app.clock,
    newErasureId,
    audit: (entry: ErasureLogEntry) => {
      // The in-memory runtime keeps nothing after it stops, its audit trail included.
      if (app.dataDir !== 'memory')
        appendFileSync(join(app.dataDir, ERASURE_LOG), `${JSON.stringify(entry)}\n`);
    },
  };
}

/** `DELETE /api/customers?phone=…|email=…`: the right to erasure (docs/cases.md). */
export function privacyRoutes(app: LocalApp): Route[] {
  return [
    [
      'DELETE',
      '/api/customers',
      async (req) => {
        for (const name of req.query.keys())
          if (!QUERY.has(name))
            throw new ValidationError(name, 'unknown parameter: name the guest by ?phone= or ?email=');
        for (const name of QUERY)
          if (req.query.getAll(name).length > 1) throw new ValidationError(name, 'given more than once');
        const subject = parseErasureSubject({ phone: req.query.get('phone'), email: req.query.get('email') });
        const result = await eraseGuest(localErasureDeps(app), subject);
        return { status: 200, body: result };
      },
    ],
  ];
}
