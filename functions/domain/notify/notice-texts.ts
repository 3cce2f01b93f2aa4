import type { Language } from '../languages';

/** The sentences of a booking update in one language (values already formatted for it). */
export interface NoticeWords {
  readonly subject: (reference: string) => string;
  readonly hello: (name: string) => string;
  readonly cancelled: (property: string, reference: string) => string;
  readonly confirmed: (property: string, reference: string) => string;
  readonly dates: (checkIn: string, checkOut: string) => string;
  readonly refundApproved: string;
  /** `by`: the date the money should have arrived. */
  readonly refundPaid: (by: string) => string;
  readonly refundRejected: string;
  readonly closing: string;
}

/** A booking update's words in each of the ten languages. */
export const NOTICE_WORDS: Readonly<Record<Language, NoticeWords>> = {
  en: {
    subject: (r) => `Update on your booking ${r}`,
    hello: (n) => `Hello ${n},`,
    cancelled: (p, r) => `${p} has cancelled your booking ${r}.`,
    confirmed: (p, r) => `Your booking ${r} at ${p} is confirmed.`,
    dates: (a, b) => `The dates of your stay have changed: now from ${a} to ${b}.`,
    refundApproved: 'Your refund has been approved; we will let you know once it is paid.',
    refundPaid: (by) => `Your refund has been issued; it should reach your account by ${by}.`,
    refundRejected: 'Your refund request was not approved.',
    closing: 'Reply to this message if you have a question.',
  },
  fr: {
    subject: (r) => `Mise à jour de votre réservation ${r}`,
    hello: (n) => `Bonjour ${n},`,
    cancelled: (p, r) => `${p} a annulé votre réservation ${r}.`,
    confirmed: (p, r) => `Votre réservation ${r} à ${p} est confirmée.`,
    dates: (a, b) => `Les dates de votre séjour ont changé : désormais du ${a} au ${b}.`,
    refundApproved: 'Votre remboursement a été approuvé ; nous vous préviendrons dès qu’il sera versé.',
    refundPaid: (by) =>
      `Votre remboursement a été émis ; il devrait arriver sur votre compte d’ici le ${by}.`,
    refundRejected: 'Votre demande de remboursement n’a pas été acceptée.',
    closing: 'Répondez à ce message si vous avez une question.',
  },
  de: {
    subject: (r) => `Neuigkeiten zu Ihrer Buchung ${r}`,
    hello: (n) => `Guten Tag ${n},`,
    cancelled: (p, r) => `${p} hat Ihre Buchung ${r} storniert.`,
    confirmed: (p, r) => `Ihre Buchung ${r} bei ${p} ist bestätigt.`,
    dates: (a, b) => `Die Daten Ihres Aufenthalts haben sich geändert: jetzt vom ${a} bis ${b}.`,
    refundApproved: 'Ihre Erstattung wurde genehmigt; wir melden uns, sobald sie ausgezahlt ist.',
    refundPaid: (by) => `Ihre Erstattung wurde veranlasst; sie sollte bis zum ${by} auf Ihrem Konto sein.`,
    refundRejected: 'Ihr Erstattungsantrag wurde nicht genehmigt.',
    closing: 'Antworten Sie auf diese Nachricht, wenn Sie Fragen haben.',
  },
  es: {
    subject: (r) => `Novedades sobre su reserva ${r}`,
    hello: (n) => `Hola, ${n}:`,
    cancelled: (p, r) => `${p} ha cancelado su reserva ${r}.`,
    confirmed: (p, r) => `Su reserva ${r} en ${p} está confirmada.`,
    dates: (a, b) => `Las fechas de su estancia han cambiado: ahora del ${a} al ${b}.`,
    refundApproved: 'Su reembolso ha sido aprobado; le avisaremos cuando se haya pagado.',
    refundPaid: (by) => `Su reembolso ya se ha emitido; debería llegar a su cuenta antes del ${by}.`,
    refundRejected: 'Su solicitud de reembolso no ha sido aprobada.',
    closing: 'Responda a este mensaje si tiene alguna pregunta.',
  },
  it: {
    subject: (r) => `Aggiornamento sulla sua prenotazione ${r}`,
    hello: (n) => `Buongiorno ${n},`,
    cancelled: (p, r) => `${p} ha cancellato la sua prenotazione ${r}.`,
    confirmed: (p, r) => `La sua prenotazione ${r} presso ${p} è confermata.`,
    dates: (a, b) => `Le date del suo soggiorno sono cambiate: ora dal ${a} al ${b}.`,
    refundApproved: 'Il suo rimborso è stato approvato; la avviseremo quando sarà pagato.',
    refundPaid: (by) => `Il suo rimborso è stato emesso; dovrebbe arrivare sul suo conto entro il ${by}.`,
    refundRejected: 'La sua richiesta di rimborso non è stata approvata.',
    closing: 'Risponda a questo messaggio se ha domande.',
  },
  pt: {
    subject: (r) => `Atualização da sua reserva ${r}`,
    hello: (n) => `Olá, ${n},`,
    cancelled: (p, r) => `${p} cancelou a sua reserva ${r}.`,
    confirmed: (p, r) => `A sua reserva ${r} em ${p} está confirmada.`,
    dates: (a, b) => `As datas da sua estadia mudaram: agora de ${a} a ${b}.`,
    refundApproved: 'O seu reembolso foi aprovado; avisaremos quando for pago.',
    refundPaid: (by) => `O seu reembolso foi emitido; deve chegar à sua conta até ${by}.`,
    refundRejected: 'O seu pedido de reembolso não foi aprovado.',
    closing: 'Responda a esta mensagem se tiver alguma dúvida.',
  },
  nl: {
    subject: (r) => `Nieuws over uw boeking ${r}`,
    hello: (n) => `Beste ${n},`,
    cancelled: (p, r) => `${p} heeft uw boeking ${r} geannuleerd.`,
    confirmed: (p, r) => `Uw boeking ${r} bij ${p} is bevestigd.`,
    dates: (a, b) => `De data van uw verblijf zijn gewijzigd: nu van ${a} tot ${b}.`,
    refundApproved: 'Uw terugbetaling is goedgekeurd; we laten het u weten zodra ze is uitbetaald.',
    refundPaid: (by) => `Uw terugbetaling is verstuurd; ze zou uiterlijk ${by} op uw rekening moeten staan.`,
    refundRejected: 'Uw verzoek om terugbetaling is niet goedgekeurd.',
    closing: 'Beantwoord dit bericht als u een vraag hebt.',
  },
  zh: {
    subject: (r) => `您的预订 ${r} 有更新`,
    hello: (n) => `${n}，您好：`,
    cancelled: (p, r) => `${p} 已取消您的预订 ${r}。`,
    confirmed: (p, r) => `您在 ${p} 的预订 ${r} 已确认。`,
    dates: (a, b) => `您的入住日期已变更：现为 ${a} 至 ${b}。`,
    refundApproved: '您的退款已获批准；付款后我们会通知您。',
    refundPaid: (by) => `您的退款已发出，预计在 ${by} 前到账。`,
    refundRejected: '您的退款申请未获批准。',
    closing: '如有任何问题，请直接回复此消息。',
  },
  ru: {
    subject: (r) => `Изменения в вашем бронировании ${r}`,
    hello: (n) => `Здравствуйте, ${n}!`,
    cancelled: (p, r) => `Объект размещения «${p}» отменил ваше бронирование ${r}.`,
    confirmed: (p, r) => `Ваше бронирование ${r} в «${p}» подтверждено.`,
    dates: (a, b) => `Даты вашего проживания изменились: теперь с ${a} по ${b}.`,
    refundApproved: 'Возврат средств одобрен; мы сообщим, когда он будет выплачен.',
    refundPaid: (by) => `Возврат средств отправлен; деньги должны поступить на ваш счёт до ${by}.`,
    refundRejected: 'Ваш запрос на возврат средств не одобрен.',
    closing: 'Если у вас есть вопросы, ответьте на это сообщение.',
  },
  id: {
    subject: (r) => `Pembaruan pemesanan Anda ${r}`,
    hello: (n) => `Halo ${n},`,
    cancelled: (p, r) => `${p} telah membatalkan pemesanan Anda ${r}.`,
    confirmed: (p, r) => `Pemesanan Anda ${r} di ${p} telah dikonfirmasi.`,
    dates: (a, b) => `Tanggal menginap Anda berubah: sekarang dari ${a} sampai ${b}.`,
    refundApproved: 'Pengembalian dana Anda telah disetujui; kami akan memberi tahu Anda setelah dibayarkan.',
    refundPaid: (by) =>
      `Pengembalian dana Anda telah dikirim; dana seharusnya masuk ke rekening Anda paling lambat ${by}.`,
    refundRejected: 'Permintaan pengembalian dana Anda tidak disetujui.',
    closing: 'Balas pesan ini jika Anda memiliki pertanyaan.',
  },
};
