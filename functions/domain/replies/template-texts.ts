import type { Language } from '../languages';

/** The canned answers agents pick from, by id. */
export const TEMPLATE_IDS = [
  'looking_into_it',
  'stay_dates',
  'contacting_property',
  'callback_at',
  'solved_check',
] as const;

/** A canned answer's id. */
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/**
 * The canned answers in every served language; `{x}` marks a placeholder (canned-templates.ts says where
 * each comes from). The words for "case" follow the acknowledgements' (i18n/catalogue.ts).
 */
export const TEMPLATE_TEXTS: Readonly<Record<Language, Readonly<Record<TemplateId, string>>>> = {
  en: {
    looking_into_it:
      'Thank you for your patience. We are looking into your request (case {case}) and will get back to you as soon as we can.',
    stay_dates: 'Your stay at {property} runs from {checkIn} to {checkOut} (case {case}).',
    contacting_property:
      'We have contacted {property} about your request and will let you know as soon as they answer (case {case}).',
    callback_at: 'We will call you at {time} about case {case}.',
    solved_check:
      'We believe your request (case {case}) is now solved. If anything is still not right, simply reply to this message.',
  },
  fr: {
    looking_into_it:
      'Merci de votre patience. Nous examinons votre demande (dossier {case}) et revenons vers vous dès que possible.',
    stay_dates: 'Votre séjour à {property} a lieu du {checkIn} au {checkOut} (dossier {case}).',
    contacting_property:
      'Nous avons contacté {property} au sujet de votre demande et vous tiendrons informé dès sa réponse (dossier {case}).',
    callback_at: 'Nous vous appellerons à {time} au sujet du dossier {case}.',
    solved_check:
      'Nous pensons que votre demande (dossier {case}) est résolue. Si quelque chose ne va toujours pas, répondez simplement à ce message.',
  },
  de: {
    looking_into_it:
      'Danke für Ihre Geduld. Wir kümmern uns um Ihr Anliegen (Fall {case}) und melden uns so bald wie möglich.',
    stay_dates: 'Ihr Aufenthalt im {property} ist vom {checkIn} bis {checkOut} (Fall {case}).',
    contacting_property:
      'Wir haben {property} zu Ihrem Anliegen kontaktiert und melden uns, sobald eine Antwort vorliegt (Fall {case}).',
    callback_at: 'Wir rufen Sie um {time} zu Fall {case} an.',
    solved_check:
      'Wir gehen davon aus, dass Ihr Anliegen (Fall {case}) gelöst ist. Falls noch etwas nicht stimmt, antworten Sie einfach auf diese Nachricht.',
  },
  es: {
    looking_into_it:
      'Gracias por su paciencia. Estamos revisando su solicitud (caso {case}) y le responderemos lo antes posible.',
    stay_dates: 'Su estancia en {property} es del {checkIn} al {checkOut} (caso {case}).',
    contacting_property:
      'Hemos contactado con {property} sobre su solicitud y le informaremos en cuanto respondan (caso {case}).',
    callback_at: 'Le llamaremos a las {time} por el caso {case}.',
    solved_check:
      'Creemos que su solicitud (caso {case}) ya está resuelta. Si algo sigue sin estar bien, responda a este mensaje.',
  },
  it: {
    looking_into_it:
      'Grazie per la pazienza. Stiamo esaminando la sua richiesta (pratica {case}) e le risponderemo il prima possibile.',
    stay_dates: 'Il suo soggiorno presso {property} va dal {checkIn} al {checkOut} (pratica {case}).',
    contacting_property:
      'Abbiamo contattato {property} in merito alla sua richiesta e la informeremo appena risponderà (pratica {case}).',
    callback_at: 'La chiameremo alle {time} per la pratica {case}.',
    solved_check:
      'Riteniamo che la sua richiesta (pratica {case}) sia risolta. Se qualcosa non va ancora, risponda semplicemente a questo messaggio.',
  },
  pt: {
    looking_into_it:
      'Obrigado pela sua paciência. Estamos a analisar o seu pedido (caso {case}) e responderemos o mais breve possível.',
    stay_dates: 'A sua estadia em {property} é de {checkIn} a {checkOut} (caso {case}).',
    contacting_property:
      'Contactámos {property} sobre o seu pedido e informá-lo-emos assim que responderem (caso {case}).',
    callback_at: 'Ligaremos para si às {time} sobre o caso {case}.',
    solved_check:
      'Acreditamos que o seu pedido (caso {case}) está resolvido. Se algo ainda não estiver bem, basta responder a esta mensagem.',
  },
  nl: {
    looking_into_it:
      'Bedankt voor uw geduld. We bekijken uw verzoek (dossier {case}) en komen zo snel mogelijk bij u terug.',
    stay_dates: 'Uw verblijf bij {property} is van {checkIn} tot {checkOut} (dossier {case}).',
    contacting_property:
      'We hebben contact opgenomen met {property} over uw verzoek en laten het u weten zodra zij antwoorden (dossier {case}).',
    callback_at: 'We bellen u om {time} over dossier {case}.',
    solved_check:
      'We denken dat uw verzoek (dossier {case}) is opgelost. Is er nog iets niet in orde, antwoord dan gewoon op dit bericht.',
  },
  zh: {
    looking_into_it: '感谢您的耐心等待。我们正在处理您的请求（案例 {case}），会尽快回复您。',
    stay_dates: '您在{property}的入住时间为 {checkIn} 至 {checkOut}（案例 {case}）。',
    contacting_property: '我们已就您的请求联系{property}，一有答复会立即通知您（案例 {case}）。',
    callback_at: '我们将于 {time} 就案例 {case} 给您回电。',
    solved_check: '我们认为您的请求（案例 {case}）已经解决。如果仍有问题，请直接回复此消息。',
  },
  ru: {
    looking_into_it:
      'Спасибо за терпение. Мы разбираемся с вашим запросом (обращение {case}) и ответим вам как можно скорее.',
    stay_dates: 'Ваше проживание в {property}: с {checkIn} по {checkOut} (обращение {case}).',
    contacting_property:
      'Мы связались с {property} по вашему запросу и сообщим вам, как только получим ответ (обращение {case}).',
    callback_at: 'Мы позвоним вам в {time} по обращению {case}.',
    solved_check:
      'Мы считаем, что ваш запрос (обращение {case}) решён. Если что-то всё ещё не так, просто ответьте на это сообщение.',
  },
  id: {
    looking_into_it:
      'Terima kasih atas kesabaran Anda. Kami sedang menangani permintaan Anda (kasus {case}) dan akan segera menghubungi Anda.',
    stay_dates: 'Masa inap Anda di {property} adalah {checkIn} sampai {checkOut} (kasus {case}).',
    contacting_property:
      'Kami telah menghubungi {property} tentang permintaan Anda dan akan memberi tahu Anda begitu mereka menjawab (kasus {case}).',
    callback_at: 'Kami akan menelepon Anda pukul {time} mengenai kasus {case}.',
    solved_check:
      'Kami rasa permintaan Anda (kasus {case}) sudah terselesaikan. Jika masih ada yang belum beres, cukup balas pesan ini.',
  },
};
