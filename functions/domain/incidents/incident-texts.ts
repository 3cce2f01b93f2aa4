import type { Language } from '../languages';
import type { IncidentText } from './incident';

/** What a guest is told when an incident ends and the operator wrote nothing of their own. */
export const DEFAULT_RESOLUTION: IncidentText = {
  en: 'The disruption affecting your booking is over. Thank you for your patience.',
  fr: 'La perturbation qui touchait votre réservation est terminée. Merci de votre patience.',
  de: 'Die Störung, die Ihre Buchung betraf, ist vorbei. Vielen Dank für Ihre Geduld.',
  es: 'La incidencia que afectaba a su reserva ha terminado. Gracias por su paciencia.',
  it: 'Il disservizio che riguardava la sua prenotazione è terminato. Grazie per la pazienza.',
  pt: 'A perturbação que afetava a sua reserva terminou. Obrigado pela sua paciência.',
  nl: 'De verstoring die uw boeking raakte, is voorbij. Bedankt voor uw geduld.',
  zh: '影响您预订的问题已经解决。感谢您的耐心。',
  ru: 'Сбой, затронувший ваше бронирование, устранён. Спасибо за терпение.',
  id: 'Gangguan yang memengaruhi pemesanan Anda telah berakhir. Terima kasih atas kesabaran Anda.',
} satisfies Record<Language, string>;
