import { makeBookingReference } from '../../functions/domain/booking-reference';

/** One demo guest: who, where, and when relative to the runtime's first start (days from today). */
interface DemoGuest {
  readonly nine: string;
  readonly pin: string;
  readonly guestName: string;
  readonly phone: string;
  readonly email: string;
  readonly language: string;
  readonly tier: string;
  readonly status: string;
  readonly inDays: number;
  readonly nights: number;
  readonly propertyName: string;
  readonly propertyTimeZone: string;
  readonly refundStatus?: string;
}

// Covers every tier, every status and every travel window (in stay, tonight, tomorrow, this week,
// later, past) across the ten languages. The README lists them; keep the two in step.
const GUESTS: readonly DemoGuest[] = [
  {
    nine: '100000001',
    pin: '1111',
    guestName: 'Camille Martin',
    phone: '+33612345678',
    email: 'camille.martin@example.fr',
    language: 'fr',
    tier: 'gold',
    status: 'confirmed',
    inDays: 0,
    nights: 3,
    propertyName: 'Hôtel Lumière Paris',
    propertyTimeZone: 'Europe/Paris',
  },
  {
    nine: '100000002',
    pin: '2222',
    guestName: 'Jonas Becker',
    phone: '+4915112345678',
    email: 'jonas.becker@example.de',
    language: 'de',
    tier: 'platinum',
    status: 'confirmed',
    inDays: -1,
    nights: 4,
    propertyName: 'Alpenhof Garmisch',
    propertyTimeZone: 'Europe/Berlin',
  },
  {
    nine: '100000003',
    pin: '3333',
    guestName: 'Emily Carter',
    phone: '+447700900123',
    email: 'emily.carter@example.co.uk',
    language: 'en',
    tier: 'standard',
    status: 'confirmed',
    inDays: 1,
    nights: 2,
    propertyName: 'Harbour View Inn Brighton',
    propertyTimeZone: 'Europe/London',
  },
  {
    nine: '100000004',
    pin: '4444',
    guestName: 'Lucía García',
    phone: '+34612345678',
    email: 'lucia.garcia@example.es',
    language: 'es',
    tier: 'silver',
    status: 'pending',
    inDays: 3,
    nights: 5,
    propertyName: 'Hostal Sol Sevilla',
    propertyTimeZone: 'Europe/Madrid',
  },
  {
    nine: '100000005',
    pin: '5555',
    guestName: 'Marco Rossi',
    phone: '+393471234567',
    email: 'marco.rossi@example.it',
    language: 'it',
    tier: 'gold',
    status: 'cancelled',
    inDays: 6,
    nights: 2,
    propertyName: 'Albergo Duomo Firenze',
    propertyTimeZone: 'Europe/Rome',
    refundStatus: 'requested',
  },
  {
    nine: '100000006',
    pin: '6666',
    guestName: 'Ana Souza',
    phone: '+5511987654321',
    email: 'ana.souza@example.com.br',
    language: 'pt',
    tier: 'standard',
    status: 'confirmed',
    inDays: 30,
    nights: 7,
    propertyName: 'Pousada Mar Azul',
    propertyTimeZone: 'America/Bahia',
  },
  {
    nine: '100000007',
    pin: '7777',
    guestName: 'Sanne de Vries',
    phone: '+31612345678',
    email: 'sanne.devries@example.nl',
    language: 'nl',
    tier: 'silver',
    status: 'completed',
    inDays: -10,
    nights: 3,
    propertyName: 'Grachtenhuis Amsterdam',
    propertyTimeZone: 'Europe/Amsterdam',
  },
  {
    nine: '100000008',
    pin: '8888',
    guestName: '王伟',
    phone: '+8613812345678',
    email: 'wang.wei@example.cn',
    language: 'zh',
    tier: 'platinum',
    status: 'confirmed',
    inDays: 0,
    nights: 1,
    propertyName: '上海外滩酒店',
    propertyTimeZone: 'Asia/Shanghai',
  },
  {
    nine: '100000009',
    pin: '9999',
    guestName: 'Анна Иванова',
    phone: '+79161234567',
    email: 'anna.ivanova@example.ru',
    language: 'ru',
    tier: 'gold',
    status: 'no_show',
    inDays: -2,
    nights: 2,
    propertyName: 'Гостиница Невский',
    propertyTimeZone: 'Europe/Moscow',
  },
  {
    nine: '100000010',
    pin: '1010',
    guestName: 'Putri Lestari',
    phone: '+6281234567890',
    email: 'putri.lestari@example.co.id',
    language: 'id',
    tier: 'standard',
    status: 'confirmed',
    inDays: 2,
    nights: 4,
    propertyName: 'Villa Ubud Bali',
    propertyTimeZone: 'Asia/Makassar',
  },
  {
    nine: '100000011',
    pin: '1212',
    guestName: 'Pierre Dubois',
    phone: '+33698765432',
    email: 'pierre.dubois@example.fr',
    language: 'fr',
    tier: 'standard',
    status: 'confirmed',
    inDays: 45,
    nights: 2,
    propertyName: 'Auberge du Lac Annecy',
    propertyTimeZone: 'Europe/Paris',
  },
  {
    nine: '100000012',
    pin: '1313',
    guestName: 'James Miller',
    phone: '+14155550123',
    email: 'james.miller@example.com',
    language: 'en',
    tier: 'platinum',
    status: 'confirmed',
    inDays: 0,
    nights: 2,
    propertyName: 'Midtown Suites New York',
    propertyTimeZone: 'America/New_York',
  },
  {
    nine: '100000013',
    pin: '1414',
    guestName: 'Sofia Bianchi',
    phone: '+393351234567',
    email: 'sofia.bianchi@example.it',
    language: 'it',
    tier: 'silver',
    status: 'confirmed',
    inDays: 1,
    nights: 3,
    propertyName: 'Hotel Laguna Venezia',
    propertyTimeZone: 'Europe/Rome',
  },
  {
    nine: '100000014',
    pin: '1515',
    guestName: 'Camille Martin',
    phone: '+33612345678',
    email: 'camille.martin@example.fr',
    language: 'fr',
    tier: 'gold',
    status: 'confirmed',
    inDays: 60,
    nights: 5,
    propertyName: 'Résidence Côte d’Azur Nice',
    propertyTimeZone: 'Europe/Paris',
  },
];

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The demo bookings as import rows, with travel dates placed relative to `now`. */
export function demoBookingRows(now: Date): Record<string, unknown>[] {
  const today = now.toISOString().slice(0, 10);
  return GUESTS.map((g) => ({
    reference: makeBookingReference(g.nine),
    pin: g.pin,
    status: g.status,
    checkIn: addDays(today, g.inDays),
    checkOut: addDays(today, g.inDays + g.nights),
    propertyName: g.propertyName,
    propertyTimeZone: g.propertyTimeZone,
    guestName: g.guestName,
    phone: g.phone,
    email: g.email,
    language: g.language,
    tier: g.tier,
    refundStatus: g.refundStatus ?? 'none',
  }));
}
