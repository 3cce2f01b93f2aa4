import type { LocalDoor } from './door';
import { emailDoor } from './email-door';
import { messagingDoor } from './messaging-door';
import { surveyDoor } from './survey-door';
import { voiceDoor } from './voice-door';

/** Every door the local runtime serves; each channel issue adds its door here. */
export const LOCAL_DOORS: readonly LocalDoor[] = [messagingDoor, emailDoor, voiceDoor, surveyDoor];
