import type { OutboundKind } from './messenger';

// Twilio's standard keywords, matched as the whole message, case-insensitive, single word only ("STOP
// PLEASE" is no opt-out): opt-out STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT (Twilio error 23002,
// https://www.twilio.com/docs/api/errors/23002) plus REVOKE and OPTOUT (Advanced Opt-Out defaults,
// https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out); opt-in START, YES, UNSTOP.
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);

/** What a guest's message says about our messages: an opt-out, an opt-in, or neither. */
export function optKeyword(text: string): 'opt_out' | 'opt_in' | undefined {
  const word = text
    .trim()
    .replace(/[.!]+$/, '')
    .toUpperCase();
  if (OPT_OUT.has(word)) return 'opt_out';
  if (OPT_IN.has(word)) return 'opt_in';
  return undefined;
}

/**
 * Whether an opt-out stops this kind of message. A guest who sent STOP still gets the answers to their
 * own messages (the acknowledgement of a message they wrote, an agent's reply); nothing else.
 */
export function optOutApplies(kind: OutboundKind): boolean {
  return kind !== 'acknowledgement' && kind !== 'agent_reply';
}
