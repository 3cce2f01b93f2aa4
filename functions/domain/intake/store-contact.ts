import type { Deliver, DeliveryOutcome } from '../outbound/deliver';
import { inlineAnswerOf, replyPlanOf, withInlineAnswer } from '../outbound/reply-plan';
import type { ContactRecord } from '../ports';
import type { ContactLog } from '../store-ports';

/** The contact as stored (or as another attempt stored it first), and how its inline answer went. */
export type StoredContact =
  | { readonly created: true; readonly record: ContactRecord; readonly delivery?: DeliveryOutcome }
  | { readonly created: false; readonly existing: ContactRecord; readonly delivery?: DeliveryOutcome };

type PutOutcome = Awaited<ReturnType<ContactLog['putContactOnce']>>;

/**
 * Stores a contact once. With `deliver`, an answer given in the door's own response (TwiML, IVR
 * prompt) is delivered first and its ledger record goes with the contact's write: the conditional put
 * of the contact is the claim of its answer, so a redelivery reads both in one request, and a racing
 * duplicate gets the answer the winner recorded.
 */
export async function storeContact(
  cases: Pick<ContactLog, 'putContactOnce'>,
  record: ContactRecord,
  deliver: Deliver | undefined,
): Promise<StoredContact> {
  const plan = replyPlanOf(record);
  if (!deliver || !('message' in plan) || !plan.message.inline)
    return stored(record, await cases.putContactOnce(record));
  let put: PutOutcome | undefined;
  let kept = record;
  const delivery = await deliver(plan.message, async (answer) => {
    kept = withInlineAnswer(record, answer);
    put = await cases.putContactOnce(kept);
    if (put.created) return { claimed: true };
    const existing = inlineAnswerOf(put.existing);
    // Stored without its answer (by a door that does not carry it): the ledger item holds that one.
    return existing ? { claimed: false, existing } : undefined;
  });
  // A deliver that keeps every record in its ledger never called the carrier: the contact goes alone.
  if (!put) {
    kept = record;
    put = await cases.putContactOnce(record);
  }
  return { ...stored(kept, put), delivery };
}

function stored(record: ContactRecord, put: PutOutcome): StoredContact {
  return put.created ? { created: true, record } : { created: false, existing: put.existing };
}
