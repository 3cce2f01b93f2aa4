import type { LocalDoor } from './door';
import { emailDoor } from './email-door';
import { messagingDoor } from './messaging-door';
import { statusDoor } from './status-door';
import { surveyDoor } from './survey-door';
import { telegramDoor } from './telegram-door';
import { voiceDoor } from './voice-door';

/** Every door the local runtime serves; each channel issue adds its door here. */
export const LOCAL_DOORS: readonly LocalDoor[] = [
  messagingDoor,
  // Twilio's delivery reports land on their messages in the outbound ledger.
  statusDoor((app) => app.outbound.ledger),
  emailDoor,
  voiceDoor,
  surveyDoor,
  telegramDoor,
];
