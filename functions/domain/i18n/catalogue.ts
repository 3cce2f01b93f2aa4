import type { Language } from '../languages';

/** Every sentence the router says to a customer, per language. `{x}` marks a value to fill in. */
export interface MessageSet {
  readonly ack: string;
  readonly ackContinued: string;
  readonly responseMinutes: string;
  readonly responseHours: string;
  readonly status: string;
  readonly invalidReference: string;
  readonly pinLocked: string;
  readonly statuses: Readonly<
    Record<'confirmed' | 'pending' | 'cancelled' | 'completed' | 'no_show', string>
  >;
}

/** The catalogue: one MessageSet per served language. */
export const CATALOGUE: Readonly<Record<Language, MessageSet>> = {
  en: {
    ack: 'We have received your message. Your case number is {case}.',
    ackContinued: 'We have added your message to case {case}.',
    responseMinutes: 'Our team will reply within {n} minutes.',
    responseHours: 'Our team will reply within {n} hours.',
    status: 'Booking {ref} at {property}: {status}, {checkIn} to {checkOut}.',
    invalidReference: 'The booking number {ref} is not valid; please check it.',
    pinLocked: 'For your security, PIN checks for this booking are paused for an hour.',
    statuses: {
      confirmed: 'confirmed',
      pending: 'pending',
      cancelled: 'cancelled',
      completed: 'completed',
      no_show: 'no-show',
    },
  },
  fr: {
    ack: 'Nous avons bien reçu votre message. Votre numéro de dossier est {case}.',
    ackContinued: 'Nous avons ajouté votre message au dossier {case}.',
    responseMinutes: 'Notre équipe vous répondra sous {n} minutes.',
    responseHours: 'Notre équipe vous répondra sous {n} heures.',
    status: 'Réservation {ref} à {property} : {status}, du {checkIn} au {checkOut}.',
    invalidReference: "Le numéro de réservation {ref} n'est pas valide ; merci de le vérifier.",
    pinLocked:
      'Pour votre sécurité, la vérification du code PIN de cette réservation est suspendue pendant une heure.',
    statuses: {
      confirmed: 'confirmée',
      pending: 'en attente',
      cancelled: 'annulée',
      completed: 'terminée',
      no_show: 'non présenté',
    },
  },
  de: {
    ack: 'Wir haben Ihre Nachricht erhalten. Ihre Fallnummer lautet {case}.',
    ackContinued: 'Wir haben Ihre Nachricht zum Fall {case} hinzugefügt.',
    responseMinutes: 'Unser Team antwortet innerhalb von {n} Minuten.',
    responseHours: 'Unser Team antwortet innerhalb von {n} Stunden.',
    status: 'Buchung {ref} im {property}: {status}, {checkIn} bis {checkOut}.',
    invalidReference: 'Die Buchungsnummer {ref} ist ungültig; bitte prüfen Sie sie.',
    pinLocked: 'Zu Ihrer Sicherheit ist die PIN-Prüfung für diese Buchung eine Stunde lang gesperrt.',
    statuses: {
      confirmed: 'bestätigt',
      pending: 'ausstehend',
      cancelled: 'storniert',
      completed: 'abgeschlossen',
      no_show: 'nicht erschienen',
    },
  },
  es: {
    ack: 'Hemos recibido su mensaje. Su número de caso es {case}.',
    ackContinued: 'Hemos añadido su mensaje al caso {case}.',
    responseMinutes: 'Nuestro equipo le responderá en menos de {n} minutos.',
    responseHours: 'Nuestro equipo le responderá en menos de {n} horas.',
    status: 'Reserva {ref} en {property}: {status}, del {checkIn} al {checkOut}.',
    invalidReference: 'El número de reserva {ref} no es válido; por favor, compruébelo.',
    pinLocked: 'Por su seguridad, la verificación del PIN de esta reserva queda suspendida durante una hora.',
    statuses: {
      confirmed: 'confirmada',
      pending: 'pendiente',
      cancelled: 'cancelada',
      completed: 'completada',
      no_show: 'no presentado',
    },
  },
  it: {
    ack: 'Abbiamo ricevuto il suo messaggio. Il numero della sua pratica è {case}.',
    ackContinued: 'Abbiamo aggiunto il suo messaggio alla pratica {case}.',
    responseMinutes: 'Il nostro team le risponderà entro {n} minuti.',
    responseHours: 'Il nostro team le risponderà entro {n} ore.',
    status: 'Prenotazione {ref} presso {property}: {status}, dal {checkIn} al {checkOut}.',
    invalidReference: 'Il numero di prenotazione {ref} non è valido; la preghiamo di controllarlo.',
    pinLocked: 'Per la sua sicurezza, la verifica del PIN per questa prenotazione è sospesa per un’ora.',
    statuses: {
      confirmed: 'confermata',
      pending: 'in attesa',
      cancelled: 'cancellata',
      completed: 'completata',
      no_show: 'mancata presentazione',
    },
  },
  pt: {
    ack: 'Recebemos a sua mensagem. O número do seu caso é {case}.',
    ackContinued: 'Adicionámos a sua mensagem ao caso {case}.',
    responseMinutes: 'A nossa equipa responderá dentro de {n} minutos.',
    responseHours: 'A nossa equipa responderá dentro de {n} horas.',
    status: 'Reserva {ref} em {property}: {status}, de {checkIn} a {checkOut}.',
    invalidReference: 'O número de reserva {ref} não é válido; por favor verifique-o.',
    pinLocked: 'Por segurança, a verificação do PIN desta reserva fica suspensa durante uma hora.',
    statuses: {
      confirmed: 'confirmada',
      pending: 'pendente',
      cancelled: 'cancelada',
      completed: 'concluída',
      no_show: 'não comparência',
    },
  },
  nl: {
    ack: 'We hebben uw bericht ontvangen. Uw dossiernummer is {case}.',
    ackContinued: 'We hebben uw bericht toegevoegd aan dossier {case}.',
    responseMinutes: 'Ons team antwoordt binnen {n} minuten.',
    responseHours: 'Ons team antwoordt binnen {n} uur.',
    status: 'Boeking {ref} bij {property}: {status}, {checkIn} tot {checkOut}.',
    invalidReference: 'Het boekingsnummer {ref} is ongeldig; controleer het alstublieft.',
    pinLocked: 'Voor uw veiligheid is de pincodecontrole voor deze boeking een uur geblokkeerd.',
    statuses: {
      confirmed: 'bevestigd',
      pending: 'in behandeling',
      cancelled: 'geannuleerd',
      completed: 'afgerond',
      no_show: 'niet verschenen',
    },
  },
  zh: {
    ack: '我们已收到您的消息。您的案例编号是 {case}。',
    ackContinued: '我们已将您的消息添加到案例 {case}。',
    responseMinutes: '我们的团队将在 {n} 分钟内回复您。',
    responseHours: '我们的团队将在 {n} 小时内回复您。',
    status: '预订 {ref}（{property}）：{status}，{checkIn} 至 {checkOut}。',
    invalidReference: '预订号 {ref} 无效，请核对。',
    pinLocked: '为了您的安全，此预订的 PIN 验证已暂停一小时。',
    statuses: {
      confirmed: '已确认',
      pending: '待确认',
      cancelled: '已取消',
      completed: '已完成',
      no_show: '未入住',
    },
  },
  ru: {
    ack: 'Мы получили ваше сообщение. Номер вашего обращения: {case}.',
    ackContinued: 'Мы добавили ваше сообщение к обращению {case}.',
    responseMinutes: 'Наша команда ответит в течение {n} минут.',
    responseHours: 'Наша команда ответит в течение {n} часов.',
    status: 'Бронирование {ref}, {property}: {status}, с {checkIn} по {checkOut}.',
    invalidReference: 'Номер брони {ref} недействителен; пожалуйста, проверьте его.',
    pinLocked: 'В целях безопасности проверка PIN-кода для этой брони приостановлена на час.',
    statuses: {
      confirmed: 'подтверждено',
      pending: 'ожидает',
      cancelled: 'отменено',
      completed: 'завершено',
      no_show: 'неявка',
    },
  },
  id: {
    ack: 'Kami telah menerima pesan Anda. Nomor kasus Anda adalah {case}.',
    ackContinued: 'Kami telah menambahkan pesan Anda ke kasus {case}.',
    responseMinutes: 'Tim kami akan membalas dalam {n} menit.',
    responseHours: 'Tim kami akan membalas dalam {n} jam.',
    status: 'Pemesanan {ref} di {property}: {status}, {checkIn} sampai {checkOut}.',
    invalidReference: 'Nomor pemesanan {ref} tidak valid; mohon periksa kembali.',
    pinLocked:
      'Demi keamanan Anda, pemeriksaan PIN untuk pemesanan ini dihentikan sementara selama satu jam.',
    statuses: {
      confirmed: 'terkonfirmasi',
      pending: 'menunggu',
      cancelled: 'dibatalkan',
      completed: 'selesai',
      no_show: 'tidak hadir',
    },
  },
};

/** Fills `{name}` slots; a missing value leaves the slot visible so a gap is noticed, not hidden. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot,
  );
}
