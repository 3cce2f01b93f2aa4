import type { Topic } from '../classification';

// "Today", "tonight", "tomorrow" in the ten languages, on folded text (lower case, no accents).
// "The day after tomorrow" and "good morning" must not count, hence the look-behinds.
const SOON_WORDS = [
  'today|tonight|tomorrow|this (?:evening|afternoon)',
  "aujourd'?hui|ce soir|cette nuit|(?<!apres-)(?<!apres )demain",
  // German and Dutch share "morgen"; "guten Morgen" and "am Morgen" are about the morning.
  'heute|(?<!guten )(?<!am )morgen(?:ochtend|middag|avond)?',
  'hoy|esta noche|(?<!pasado )(?<!la )(?<!las )manana',
  'oggi|stasera|stanotte|domani',
  'hoje|esta noite|(?<!depois de )amanha',
  'vandaag|vanavond|vannacht',
  // Folded: "этой" loses the breve of its "й".
  'сегодня|завтра|этои ночью',
  'hari ini|besok|malam ini|nanti malam',
].join('|');
const SOON_BOUNDED = new RegExp(`(?<![\\p{L}-])(?:${SOON_WORDS})(?![\\p{L}])`, 'u');
const SOON_HAN = /今天|今晚|今日|今夜|明天|明日|明早|明晚/;

const ALWAYS_URGENT: ReadonlySet<Topic> = new Set(['arrival_problem', 'emergency']);
const URGENT_WHEN_SOON: ReadonlySet<Topic> = new Set(['change_booking', 'cancel_booking']);

/** Whether folded text speaks of travel today or tomorrow. */
export function mentionsToday(folded: string): boolean {
  return SOON_BOUNDED.test(folded) || SOON_HAN.test(folded);
}

/** Urgency from the topic and what the text says about the travel date. */
export function isUrgent(topic: Topic, folded: string): boolean {
  if (ALWAYS_URGENT.has(topic)) return true;
  return URGENT_WHEN_SOON.has(topic) && mentionsToday(folded);
}

/**
 * Urgency once the booking is known (the intake looks it up after classifying): a change or
 * cancellation is urgent when check-in (property-local YYYY-MM-DD) is today or tomorrow.
 */
export function isUrgentForCheckIn(topic: Topic, checkIn: string, today: string): boolean {
  if (ALWAYS_URGENT.has(topic)) return true;
  if (!URGENT_WHEN_SOON.has(topic)) return false;
  const days = (Date.parse(`${checkIn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days >= 0 && days <= 1;
}
