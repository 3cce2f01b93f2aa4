import type { Language } from '../languages';

// The first line of every answer to an emergency: people must call for help before writing to us.
const NOTICES: Readonly<Record<Language, string>> = {
  en: 'If anyone is in danger or hurt, call the local emergency services first (112 in Europe, 911 in North America). We will help with your booking right after.',
  fr: "Si quelqu'un est en danger ou blessé, appelez d'abord les services d'urgence locaux (112 en Europe). Nous nous occupons de votre réservation juste après.",
  de: 'Wenn jemand in Gefahr oder verletzt ist, rufen Sie zuerst den örtlichen Notruf an (112 in Europa). Um Ihre Buchung kümmern wir uns gleich danach.',
  es: 'Si alguien está en peligro o herido, llame primero a los servicios de emergencia locales (112 en Europa). Después le ayudamos con su reserva.',
  it: 'Se qualcuno è in pericolo o ferito, chiami prima i servizi di emergenza locali (112 in Europa). Subito dopo la aiutiamo con la prenotazione.',
  pt: 'Se alguém estiver em perigo ou ferido, ligue primeiro para os serviços de emergência locais (112 na Europa, 190/192 no Brasil). Logo depois ajudamos com a sua reserva.',
  nl: 'Is iemand in gevaar of gewond? Bel eerst de lokale hulpdiensten (112 in Europa). Daarna helpen we u meteen met uw boeking.',
  zh: '如有人身处危险或受伤，请先拨打当地紧急电话（中国大陆：110 报警，120 急救，119 火警；欧洲：112）。随后我们会立即协助处理您的预订。',
  ru: 'Если кто-то в опасности или ранен, сначала позвоните в местную экстренную службу (112 в Европе и России). Сразу после этого мы поможем с бронированием.',
  id: 'Jika ada yang dalam bahaya atau terluka, segera hubungi layanan darurat setempat terlebih dahulu (112 di Indonesia dan Eropa). Setelah itu kami bantu pemesanan Anda.',
};

/** The "call local emergency services first" line, in the contact's language (English if unknown). */
export function emergencyNotice(language: Language): string {
  return NOTICES[language] ?? NOTICES.en;
}
