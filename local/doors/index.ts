import type { LocalDoor } from './door';
import { messagingDoor } from './messaging-door';

/** Every door the local runtime serves; each channel issue adds its door here. */
export const LOCAL_DOORS: readonly LocalDoor[] = [messagingDoor];
