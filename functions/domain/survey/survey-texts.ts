import type { Language } from '../languages';

/** Everything the satisfaction survey says to a guest; `{case}` and `{score}` are filled in. */
export interface SurveyTexts {
  /** The question by SMS or WhatsApp: the guest answers with a digit. */
  readonly question: string;
  readonly subject: string;
  /** Mail: above the five links. */
  readonly chooseLink: string;
  /** Mail: below the links, for guests who rather answer the mail. */
  readonly orReply: string;
  readonly thanks: string;
  /** After a score of 1 or 2: the case is open again. */
  readonly thanksLow: string;
  /** The link page. */
  readonly yourScore: string;
  readonly comment: string;
  readonly send: string;
  readonly expired: string;
}

/** The survey in every served language. */
export const SURVEY_TEXTS: Readonly<Record<Language, SurveyTexts>> = {
  en: {
    question:
      'How did we do with case {case}? Reply with a number from 1 (very bad) to 5 (very good), and a comment if you like.',
    subject: 'How did we do? Case {case}',
    chooseLink: 'How did we do with case {case}? Choose a score from 1 (very bad) to 5 (very good):',
    orReply: 'You can also reply to this mail starting with a number from 1 to 5, and a comment if you like.',
    thanks: 'Thank you for your feedback on case {case}.',
    thanksLow: 'Thank you, and we are sorry. We have reopened case {case}; an agent will get back to you.',
    yourScore: 'Your score for case {case}: {score} of 5',
    comment: 'Anything to add? (optional)',
    send: 'Send',
    expired: 'This survey link is no longer valid.',
  },
  fr: {
    question:
      'Comment avons-nous traité le dossier {case} ? Répondez par un chiffre de 1 (très mal) à 5 (très bien), avec un commentaire si vous le souhaitez.',
    subject: 'Votre avis sur le dossier {case}',
    chooseLink:
      'Comment avons-nous traité le dossier {case} ? Choisissez une note de 1 (très mal) à 5 (très bien) :',
    orReply:
      'Vous pouvez aussi répondre à ce message en commençant par un chiffre de 1 à 5, avec un commentaire si vous le souhaitez.',
    thanks: 'Merci pour votre avis sur le dossier {case}.',
    thanksLow:
      'Merci, et toutes nos excuses. Nous avons rouvert le dossier {case} ; un conseiller va revenir vers vous.',
    yourScore: 'Votre note pour le dossier {case} : {score} sur 5',
    comment: 'Quelque chose à ajouter ? (facultatif)',
    send: 'Envoyer',
    expired: "Ce lien d'enquête n'est plus valable.",
  },
  de: {
    question:
      'Wie zufrieden sind Sie mit der Bearbeitung von Fall {case}? Antworten Sie mit einer Zahl von 1 (sehr schlecht) bis 5 (sehr gut), gern mit einem Kommentar.',
    subject: 'Ihre Meinung zu Fall {case}',
    chooseLink:
      'Wie zufrieden sind Sie mit der Bearbeitung von Fall {case}? Wählen Sie eine Note von 1 (sehr schlecht) bis 5 (sehr gut):',
    orReply:
      'Sie können auch auf diese E-Mail antworten: mit einer Zahl von 1 bis 5 am Anfang, gern mit einem Kommentar.',
    thanks: 'Vielen Dank für Ihre Bewertung zu Fall {case}.',
    thanksLow:
      'Vielen Dank, und es tut uns leid. Wir haben Fall {case} wieder geöffnet; ein Mitarbeiter meldet sich bei Ihnen.',
    yourScore: 'Ihre Bewertung für Fall {case}: {score} von 5',
    comment: 'Möchten Sie etwas ergänzen? (optional)',
    send: 'Senden',
    expired: 'Dieser Umfragelink ist nicht mehr gültig.',
  },
  es: {
    question:
      '¿Qué tal lo hicimos con el caso {case}? Responda con un número del 1 (muy mal) al 5 (muy bien) y, si quiere, un comentario.',
    subject: 'Su opinión sobre el caso {case}',
    chooseLink: '¿Qué tal lo hicimos con el caso {case}? Elija una nota del 1 (muy mal) al 5 (muy bien):',
    orReply:
      'También puede responder a este correo empezando por un número del 1 al 5 y, si quiere, un comentario.',
    thanks: 'Gracias por su opinión sobre el caso {case}.',
    thanksLow:
      'Gracias, y lo sentimos. Hemos reabierto el caso {case}; un agente se pondrá en contacto con usted.',
    yourScore: 'Su nota para el caso {case}: {score} de 5',
    comment: '¿Algo que añadir? (opcional)',
    send: 'Enviar',
    expired: 'Este enlace de la encuesta ya no es válido.',
  },
  it: {
    question:
      'Come abbiamo gestito la pratica {case}? Risponda con un numero da 1 (molto male) a 5 (molto bene) e, se vuole, un commento.',
    subject: 'La sua opinione sulla pratica {case}',
    chooseLink: 'Come abbiamo gestito la pratica {case}? Scelga un voto da 1 (molto male) a 5 (molto bene):',
    orReply:
      'Può anche rispondere a questa e-mail iniziando con un numero da 1 a 5 e, se vuole, un commento.',
    thanks: 'Grazie per la sua opinione sulla pratica {case}.',
    thanksLow: 'Grazie, e ci scusi. Abbiamo riaperto la pratica {case}; un operatore la ricontatterà.',
    yourScore: 'Il suo voto per la pratica {case}: {score} su 5',
    comment: 'Vuole aggiungere qualcosa? (facoltativo)',
    send: 'Invia',
    expired: 'Questo link del sondaggio non è più valido.',
  },
  pt: {
    question:
      'Como tratámos o caso {case}? Responda com um número de 1 (muito mal) a 5 (muito bem) e, se quiser, um comentário.',
    subject: 'A sua opinião sobre o caso {case}',
    chooseLink: 'Como tratámos o caso {case}? Escolha uma nota de 1 (muito mal) a 5 (muito bem):',
    orReply:
      'Também pode responder a este e-mail começando com um número de 1 a 5 e, se quiser, um comentário.',
    thanks: 'Obrigado pela sua opinião sobre o caso {case}.',
    thanksLow:
      'Obrigado, e pedimos desculpa. Reabrimos o caso {case}; um agente entrará em contacto consigo.',
    yourScore: 'A sua nota para o caso {case}: {score} de 5',
    comment: 'Quer acrescentar algo? (opcional)',
    send: 'Enviar',
    expired: 'Este link do inquérito já não é válido.',
  },
  nl: {
    question:
      'Hoe hebben we dossier {case} afgehandeld? Antwoord met een cijfer van 1 (heel slecht) tot 5 (heel goed), eventueel met een opmerking.',
    subject: 'Uw mening over dossier {case}',
    chooseLink:
      'Hoe hebben we dossier {case} afgehandeld? Kies een score van 1 (heel slecht) tot 5 (heel goed):',
    orReply:
      'U kunt ook op deze e-mail antwoorden, beginnend met een cijfer van 1 tot 5, eventueel met een opmerking.',
    thanks: 'Bedankt voor uw mening over dossier {case}.',
    thanksLow:
      'Bedankt, en onze excuses. We hebben dossier {case} heropend; een medewerker neemt contact met u op.',
    yourScore: 'Uw score voor dossier {case}: {score} van 5',
    comment: 'Wilt u iets toevoegen? (optioneel)',
    send: 'Versturen',
    expired: 'Deze enquêtelink is niet meer geldig.',
  },
  zh: {
    question: '您对案例 {case} 的处理满意吗？请回复 1（很差）到 5（很好）之间的数字，也可以附上意见。',
    subject: '您对案例 {case} 的评价',
    chooseLink: '您对案例 {case} 的处理满意吗？请选择 1（很差）到 5（很好）的评分：',
    orReply: '您也可以直接回复此邮件，以 1 到 5 的数字开头，并可附上意见。',
    thanks: '感谢您对案例 {case} 的评价。',
    thanksLow: '感谢您的反馈，我们深表歉意。我们已重新打开案例 {case}，客服人员会尽快与您联系。',
    yourScore: '您对案例 {case} 的评分：{score} / 5',
    comment: '还有什么要补充的吗？（可选）',
    send: '提交',
    expired: '此调查链接已失效。',
  },
  ru: {
    question:
      'Как мы справились с обращением {case}? Ответьте цифрой от 1 (очень плохо) до 5 (очень хорошо), при желании с комментарием.',
    subject: 'Ваше мнение об обращении {case}',
    chooseLink:
      'Как мы справились с обращением {case}? Выберите оценку от 1 (очень плохо) до 5 (очень хорошо):',
    orReply: 'Можно также ответить на это письмо, начав с цифры от 1 до 5, при желании с комментарием.',
    thanks: 'Спасибо за вашу оценку обращения {case}.',
    thanksLow: 'Спасибо, и простите нас. Мы снова открыли обращение {case}; сотрудник свяжется с вами.',
    yourScore: 'Ваша оценка обращения {case}: {score} из 5',
    comment: 'Хотите что-то добавить? (необязательно)',
    send: 'Отправить',
    expired: 'Эта ссылка на опрос больше не действует.',
  },
  id: {
    question:
      'Bagaimana penanganan kami untuk kasus {case}? Balas dengan angka 1 (sangat buruk) sampai 5 (sangat baik), boleh disertai komentar.',
    subject: 'Pendapat Anda tentang kasus {case}',
    chooseLink:
      'Bagaimana penanganan kami untuk kasus {case}? Pilih nilai 1 (sangat buruk) sampai 5 (sangat baik):',
    orReply: 'Anda juga dapat membalas email ini dengan angka 1 sampai 5 di awal, boleh disertai komentar.',
    thanks: 'Terima kasih atas penilaian Anda untuk kasus {case}.',
    thanksLow:
      'Terima kasih, dan kami mohon maaf. Kami telah membuka kembali kasus {case}; petugas kami akan menghubungi Anda.',
    yourScore: 'Nilai Anda untuk kasus {case}: {score} dari 5',
    comment: 'Ada yang ingin ditambahkan? (opsional)',
    send: 'Kirim',
    expired: 'Tautan survei ini sudah tidak berlaku.',
  },
};
