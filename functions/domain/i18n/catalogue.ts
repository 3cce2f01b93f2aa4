import type { Language } from '../languages';

/** Every sentence the router says to a customer, per language. `{x}` marks a value to fill in. */
export interface MessageSet {
  readonly ack: string;
  readonly ackContinued: string;
  /** The expected first response, `{wait}` from waitPhrase. */
  readonly responseWithin: string;
  /** The language team is closed and `{fallback}` (another language's team) answers. */
  readonly teamClosed: string;
  /** The language team is open but nobody is staffed on it, so `{fallback}` answers. */
  readonly teamUnavailable: string;
  /** The language team is closed and opens soon: the contact waits for it. */
  readonly teamHeld: string;
  readonly status: string;
  readonly invalidReference: string;
  readonly pinLocked: string;
  /** Load shedding: the wait said is honest, and the answer comes here by message (no need to call). */
  readonly busyAnswerByMessage: string;
  readonly statuses: Readonly<
    Record<'confirmed' | 'pending' | 'cancelled' | 'completed' | 'no_show', string>
  >;
}

/** The catalogue: one MessageSet per served language. */
export const CATALOGUE: Readonly<Record<Language, MessageSet>> = {
  en: {
    ack: 'We have received your message. Your case number is {case}.',
    ackContinued: 'We have added your message to case {case}.',
    responseWithin: 'Our team will reply within about {wait}.',
    teamClosed: 'Our {team} is closed now; our {fallback} will answer you within about {wait}.',
    teamUnavailable:
      'Our {team} is not available right now; our {fallback} will answer you within about {wait}.',
    teamHeld: 'Our {team} is closed now and opens soon; it will answer you within about {wait}.',
    status: 'Booking {ref} at {property}: {status}, {checkIn} to {checkOut}.',
    invalidReference: 'The booking number {ref} is not valid; please check it.',
    pinLocked: 'For your security, PIN checks for this booking are paused for an hour.',
    busyAnswerByMessage:
      'We are very busy right now, so this is our honest estimate. We will answer you here by message: there is no need to call or wait on the phone.',
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
    responseWithin: "Notre équipe vous répondra d'ici environ {wait}.",
    teamClosed:
      "Notre {team} est fermée pour le moment ; notre {fallback} vous répondra d'ici environ {wait}.",
    teamUnavailable:
      "Notre {team} n'est pas disponible pour le moment ; notre {fallback} vous répondra d'ici environ {wait}.",
    teamHeld:
      "Notre {team} est fermée pour le moment et ouvre bientôt ; elle vous répondra d'ici environ {wait}.",
    status: 'Réservation {ref} à {property} : {status}, du {checkIn} au {checkOut}.',
    invalidReference: "Le numéro de réservation {ref} n'est pas valide ; merci de le vérifier.",
    pinLocked:
      'Pour votre sécurité, la vérification du code PIN de cette réservation est suspendue pendant une heure.',
    busyAnswerByMessage:
      'Nous sommes très sollicités en ce moment : ce délai est notre estimation honnête. Nous vous répondrons ici par message ; inutile d’appeler ou d’attendre au téléphone.',
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
    responseWithin: 'Unser Team antwortet Ihnen in etwa {wait}.',
    teamClosed: 'Unser {team} ist gerade geschlossen; unser {fallback} antwortet Ihnen in etwa {wait}.',
    teamUnavailable:
      'Unser {team} ist gerade nicht erreichbar; unser {fallback} antwortet Ihnen in etwa {wait}.',
    teamHeld: 'Unser {team} ist gerade geschlossen und öffnet bald; es antwortet Ihnen in etwa {wait}.',
    status: 'Buchung {ref} im {property}: {status}, {checkIn} bis {checkOut}.',
    invalidReference: 'Die Buchungsnummer {ref} ist ungültig; bitte prüfen Sie sie.',
    pinLocked: 'Zu Ihrer Sicherheit ist die PIN-Prüfung für diese Buchung eine Stunde lang gesperrt.',
    busyAnswerByMessage:
      'Wir sind gerade sehr stark ausgelastet; diese Zeit ist unsere ehrliche Schätzung. Wir antworten Ihnen hier per Nachricht – Sie müssen weder anrufen noch in der Warteschleife warten.',
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
    responseWithin: 'Nuestro equipo le responderá en aproximadamente {wait}.',
    teamClosed:
      'Nuestro {team} está cerrado en este momento; le responderá nuestro {fallback} en aproximadamente {wait}.',
    teamUnavailable:
      'Nuestro {team} no está disponible en este momento; le responderá nuestro {fallback} en aproximadamente {wait}.',
    teamHeld:
      'Nuestro {team} está cerrado en este momento y abre pronto; le responderá en aproximadamente {wait}.',
    status: 'Reserva {ref} en {property}: {status}, del {checkIn} al {checkOut}.',
    invalidReference: 'El número de reserva {ref} no es válido; por favor, compruébelo.',
    pinLocked: 'Por su seguridad, la verificación del PIN de esta reserva queda suspendida durante una hora.',
    busyAnswerByMessage:
      'Ahora mismo tenemos mucha demanda; este plazo es nuestra estimación sincera. Le responderemos aquí por mensaje: no hace falta que llame ni que espere al teléfono.',
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
    responseWithin: 'Il nostro team le risponderà entro circa {wait}.',
    teamClosed:
      'Il nostro {team} è chiuso in questo momento; le risponderà il nostro {fallback} entro circa {wait}.',
    teamUnavailable:
      'Il nostro {team} non è disponibile in questo momento; le risponderà il nostro {fallback} entro circa {wait}.',
    teamHeld: 'Il nostro {team} è chiuso in questo momento e apre a breve; le risponderà entro circa {wait}.',
    status: 'Prenotazione {ref} presso {property}: {status}, dal {checkIn} al {checkOut}.',
    invalidReference: 'Il numero di prenotazione {ref} non è valido; la preghiamo di controllarlo.',
    pinLocked: 'Per la sua sicurezza, la verifica del PIN per questa prenotazione è sospesa per un’ora.',
    busyAnswerByMessage:
      'In questo momento siamo molto impegnati: questo è il tempo che stimiamo onestamente. Le risponderemo qui per messaggio: non serve chiamare né restare in attesa al telefono.',
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
    responseWithin: 'A nossa equipa responderá em cerca de {wait}.',
    teamClosed:
      'A nossa {team} está fechada neste momento; a nossa {fallback} responderá em cerca de {wait}.',
    teamUnavailable:
      'A nossa {team} não está disponível neste momento; a nossa {fallback} responderá em cerca de {wait}.',
    teamHeld: 'A nossa {team} está fechada neste momento e abre em breve; responderá em cerca de {wait}.',
    status: 'Reserva {ref} em {property}: {status}, de {checkIn} a {checkOut}.',
    invalidReference: 'O número de reserva {ref} não é válido; por favor verifique-o.',
    pinLocked: 'Por segurança, a verificação do PIN desta reserva fica suspensa durante uma hora.',
    busyAnswerByMessage:
      'Estamos com muita procura neste momento; este prazo é a nossa estimativa honesta. Responderemos aqui por mensagem: não é preciso ligar nem esperar ao telefone.',
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
    responseWithin: 'Ons team antwoordt binnen ongeveer {wait}.',
    teamClosed: 'Ons {team} is nu gesloten; ons {fallback} antwoordt binnen ongeveer {wait}.',
    teamUnavailable: 'Ons {team} is nu niet bereikbaar; ons {fallback} antwoordt binnen ongeveer {wait}.',
    teamHeld: 'Ons {team} is nu gesloten en gaat binnenkort open; het antwoordt binnen ongeveer {wait}.',
    status: 'Boeking {ref} bij {property}: {status}, {checkIn} tot {checkOut}.',
    invalidReference: 'Het boekingsnummer {ref} is ongeldig; controleer het alstublieft.',
    pinLocked: 'Voor uw veiligheid is de pincodecontrole voor deze boeking een uur geblokkeerd.',
    busyAnswerByMessage:
      'Het is nu erg druk; dit is onze eerlijke inschatting. We antwoorden u hier per bericht: u hoeft niet te bellen of aan de telefoon te wachten.',
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
    responseWithin: '我们的团队将在约{wait}内回复您。',
    teamClosed: '我们的{team}目前已下班，我们的{fallback}将在约{wait}内回复您。',
    teamUnavailable: '我们的{team}目前无法接待，我们的{fallback}将在约{wait}内回复您。',
    teamHeld: '我们的{team}目前已下班，即将上班，将在约{wait}内回复您。',
    status: '预订 {ref}（{property}）：{status}，{checkIn} 至 {checkOut}。',
    invalidReference: '预订号 {ref} 无效，请核对。',
    pinLocked: '为了您的安全，此预订的 PIN 验证已暂停一小时。',
    busyAnswerByMessage:
      '目前咨询量很大，以上是我们如实估计的时间。我们会在这里以消息回复您，无需致电或在电话中等待。',
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
    responseWithin: 'Наша команда ответит вам; ожидаемое время ответа — примерно {wait}.',
    teamClosed:
      'Наша {team}, сейчас не работает; вам ответит наша {fallback}. Ожидаемое время ответа — примерно {wait}.',
    teamUnavailable:
      'Наша {team}, сейчас недоступна; вам ответит наша {fallback}. Ожидаемое время ответа — примерно {wait}.',
    teamHeld: 'Наша {team}, сейчас не работает, но скоро начнёт; ожидаемое время ответа — примерно {wait}.',
    status: 'Бронирование {ref}, {property}: {status}, с {checkIn} по {checkOut}.',
    invalidReference: 'Номер брони {ref} недействителен; пожалуйста, проверьте его.',
    pinLocked: 'В целях безопасности проверка PIN-кода для этой брони приостановлена на час.',
    busyAnswerByMessage:
      'Сейчас у нас очень много обращений, поэтому это честная оценка времени. Мы ответим вам здесь сообщением — звонить или ждать на линии не нужно.',
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
    responseWithin: 'Tim kami akan membalas dalam sekitar {wait}.',
    teamClosed: 'Saat ini {team} kami sedang tutup; {fallback} kami akan membalas dalam sekitar {wait}.',
    teamUnavailable:
      'Saat ini {team} kami tidak tersedia; {fallback} kami akan membalas dalam sekitar {wait}.',
    teamHeld:
      'Saat ini {team} kami sedang tutup dan akan segera buka; tim itu akan membalas dalam sekitar {wait}.',
    status: 'Pemesanan {ref} di {property}: {status}, {checkIn} sampai {checkOut}.',
    invalidReference: 'Nomor pemesanan {ref} tidak valid; mohon periksa kembali.',
    pinLocked:
      'Demi keamanan Anda, pemeriksaan PIN untuk pemesanan ini dihentikan sementara selama satu jam.',
    busyAnswerByMessage:
      'Kami sedang sangat sibuk, jadi ini perkiraan jujur kami. Kami akan menjawab Anda di sini melalui pesan; Anda tidak perlu menelepon atau menunggu di telepon.',
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
