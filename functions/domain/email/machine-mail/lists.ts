import { headerValue, headerValues, type InboundMail } from '../inbound-mail';
import { isListSender } from './senders';

// RFC 2919 List-Id and RFC 2369's List-* fields (the ones RFC 5230 §4.6 tells responders to respect),
// ezmlm's Mailing-List, the older X-Mailing-List (vger, SmartList), fml's X-ML-Name / X-MLServer,
// Mailman's X-BeenThere, and X-Loop, which list and ticket software stamp so a message never comes back.
const LIST_HEADERS = [
  'list-id',
  'list-unsubscribe',
  'list-subscribe',
  'list-post',
  'list-help',
  'list-owner',
  'list-archive',
  'mailing-list',
  'x-mailing-list',
  'x-ml-name',
  'x-mlserver',
  'x-beenthere',
  'x-loop',
];

/** Whether a list, bulk sender or loop-stamping robot sent the mail (headers or a list Sender). */
export function isListMail(mail: InboundMail): boolean {
  if (LIST_HEADERS.some((name) => headerValue(mail, name) !== undefined)) return true;
  const precedence = [...headerValues(mail, 'precedence'), ...headerValues(mail, 'x-precedence')];
  if (precedence.some((v) => /^\s*(bulk|list|junk)\b/i.test(v))) return true;
  return isListSender(mail);
}
