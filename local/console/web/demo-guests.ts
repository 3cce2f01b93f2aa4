/** A guest of the demo bookings (README), to fill the try-it form with someone the runtime knows. */
export interface DemoGuest {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly bookingRef: string;
  readonly pin: string;
  /** The language of the country line a call from this guest dials. */
  readonly language: string;
  readonly sample: string;
}

/** A few demo guests in several languages, plus a stranger the runtime does not know. */
export const DEMO_GUESTS: readonly DemoGuest[] = [
  {
    name: 'Camille Martin (fr, gold, checks in today)',
    phone: '+33612345678',
    email: 'camille.martin@example.fr',
    bookingRef: '1000000016',
    language: 'fr',
    pin: '1111',
    sample: 'Bonjour, la réception est fermée et je suis devant l’hôtel. Réservation 1000000016',
  },
  {
    name: 'Jonas Becker (de, platinum, in stay)',
    phone: '+4915112345678',
    email: 'jonas.becker@example.de',
    bookingRef: '1000000024',
    language: 'de',
    pin: '2222',
    sample: 'Die Heizung in meinem Zimmer funktioniert nicht.',
  },
  {
    name: 'Emily Carter (en, standard, tomorrow)',
    phone: '+447700900123',
    email: 'emily.carter@example.co.uk',
    bookingRef: '1000000032',
    language: 'en',
    pin: '3333',
    sample: 'Hi, can I add breakfast to my booking for tomorrow?',
  },
  {
    name: '王伟 (zh, platinum, today in Shanghai)',
    phone: '+8613812345678',
    email: 'wang.wei@example.cn',
    bookingRef: '1000000081',
    language: 'zh',
    pin: '8888',
    sample: '我今天入住，可以提前办理入住吗？',
  },
  {
    name: 'Someone unknown',
    phone: '+15005550006',
    email: 'someone@example.org',
    bookingRef: '',
    language: 'en',
    pin: '',
    sample: 'Hello, I would like to know about refunds.',
  },
];
