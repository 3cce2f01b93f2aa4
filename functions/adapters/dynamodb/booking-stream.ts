import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { BOOKING_STATUSES, type Booking, REFUND_STATUSES } from '../../domain/booking';
import { ValidationError } from '../../domain/errors';
import { fromItem } from './item-codec';
import { bookingKey } from './keys';

/** A booking item's change as the table's stream carried it: the stored version before and after. */
export interface StreamedBookingChange {
  readonly sequenceNumber: string;
  readonly before?: Booking | undefined;
  readonly after: Booking;
}

type Image = Record<string, AttributeValue>;

const isBookingKey = (keys: Record<string, unknown>) =>
  typeof keys.pk === 'string' && keys.pk.startsWith('BOOKING#') && keys.sk === bookingKey('').sk;

// Enough of a booking to tell its guest: a broken image is refused with what is wrong, never guessed at.
function bookingOf(image: Image, which: string): Booking {
  const item = unmarshall(image);
  const problems = [
    typeof item.reference === 'string' ? '' : 'reference',
    BOOKING_STATUSES.includes(item.status) ? '' : 'status',
    REFUND_STATUSES.includes(item.refundStatus) ? '' : 'refundStatus',
    typeof item.checkIn === 'string' && typeof item.checkOut === 'string' ? '' : 'checkIn/checkOut',
    typeof item.customerId === 'string' ? '' : 'customerId',
    typeof item.language === 'string' ? '' : 'language',
  ].filter(Boolean);
  if (problems.length > 0)
    throw new ValidationError(which, `the stream's booking image lacks ${problems.join(', ')}`);
  return fromItem<Booking>(item);
}

/**
 * The booking change a DynamoDB Streams record carries (StreamViewType NEW_AND_OLD_IMAGES: a MODIFY
 * has OldImage and NewImage, an INSERT only NewImage), or undefined when the record is about another
 * item or removes one (nothing to tell a guest). A booking record without its images is refused: the
 * stream was configured without NEW_AND_OLD_IMAGES.
 */
export function bookingChangeOf(record: DynamoDBRecord): StreamedBookingChange | undefined {
  const data = record.dynamodb;
  const keys = data?.Keys ? unmarshall(data.Keys as Image) : {};
  if (!data || !isBookingKey(keys) || record.eventName === 'REMOVE') return undefined;
  if (!data.NewImage || (record.eventName === 'MODIFY' && !data.OldImage))
    throw new ValidationError(
      'StreamViewType',
      `booking record ${data.SequenceNumber ?? '?'} carries no images: the stream must be NEW_AND_OLD_IMAGES`,
    );
  return {
    sequenceNumber: data.SequenceNumber ?? '',
    before: data.OldImage ? bookingOf(data.OldImage as Image, 'OldImage') : undefined,
    after: bookingOf(data.NewImage as Image, 'NewImage'),
  };
}
