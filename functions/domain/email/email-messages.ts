import type { Language } from '../languages';

/** The sentences only email needs, per language; `{x}` marks a value to fill in. */
export interface EmailMessages {
  /** Subject of an acknowledgement when the guest's mail had none. */
  readonly subjectFallback: string;
  /** Asks to keep the signed reference when replying. */
  readonly keepReference: string;
  /** Said first when a message was over the size limit. */
  readonly oversized: string;
  /** Last line: says this is an automatic answer. */
  readonly automatic: string;
}

/** The email sentences in every served language. */
export const EMAIL_MESSAGES: Readonly<Record<Language, EmailMessages>> = {
  en: {
    subjectFallback: 'Your message',
    keepReference: 'Please keep this reference when you reply: {marker}',
    oversized:
      'Your message ({size} MB) is larger than the {limit} MB we read automatically; we have kept it and our team will look at it.',
    automatic: 'This is an automatic reply.',
  },
  fr: {
    subjectFallback: 'Votre message',
    keepReference: 'Merci de conserver cette référence dans votre réponse : {marker}',
    oversized:
      'Votre message ({size} Mo) dépasse les {limit} Mo que nous lisons automatiquement ; nous l’avons conservé et notre équipe va le consulter.',
    automatic: 'Ceci est une réponse automatique.',
  },
  de: {
    subjectFallback: 'Ihre Nachricht',
    keepReference: 'Bitte behalten Sie diese Referenz in Ihrer Antwort bei: {marker}',
    oversized:
      'Ihre Nachricht ({size} MB) ist größer als die {limit} MB, die wir automatisch lesen; wir haben sie aufbewahrt und unser Team sieht sie sich an.',
    automatic: 'Dies ist eine automatische Antwort.',
  },
  es: {
    subjectFallback: 'Su mensaje',
    keepReference: 'Conserve esta referencia cuando responda: {marker}',
    oversized:
      'Su mensaje ({size} MB) supera los {limit} MB que leemos automáticamente; lo hemos guardado y nuestro equipo lo revisará.',
    automatic: 'Esta es una respuesta automática.',
  },
  it: {
    subjectFallback: 'Il suo messaggio',
    keepReference: 'La preghiamo di conservare questo riferimento quando risponde: {marker}',
    oversized:
      'Il suo messaggio ({size} MB) supera i {limit} MB che leggiamo automaticamente; lo abbiamo conservato e il nostro team lo esaminerà.',
    automatic: 'Questa è una risposta automatica.',
  },
  pt: {
    subjectFallback: 'Sua mensagem',
    keepReference: 'Mantenha esta referência ao responder: {marker}',
    oversized:
      'Sua mensagem ({size} MB) é maior do que os {limit} MB que lemos automaticamente; nós a guardamos e nossa equipe vai analisá-la.',
    automatic: 'Esta é uma resposta automática.',
  },
  nl: {
    subjectFallback: 'Uw bericht',
    keepReference: 'Laat deze referentie staan als u antwoordt: {marker}',
    oversized:
      'Uw bericht ({size} MB) is groter dan de {limit} MB die wij automatisch lezen; we hebben het bewaard en ons team bekijkt het.',
    automatic: 'Dit is een automatisch antwoord.',
  },
  zh: {
    subjectFallback: '您的来信',
    keepReference: '回复时请保留此编号：{marker}',
    oversized: '您的邮件（{size} MB）超过了我们自动读取的 {limit} MB 上限；我们已保存该邮件，团队会查看。',
    automatic: '这是一封自动回复邮件。',
  },
  ru: {
    subjectFallback: 'Ваше сообщение',
    keepReference: 'Пожалуйста, сохраните эту ссылку в ответе: {marker}',
    oversized:
      'Ваше сообщение ({size} МБ) больше {limit} МБ, которые мы читаем автоматически; мы сохранили его, и наша команда его посмотрит.',
    automatic: 'Это автоматический ответ.',
  },
  id: {
    subjectFallback: 'Pesan Anda',
    keepReference: 'Mohon pertahankan referensi ini saat membalas: {marker}',
    oversized:
      'Pesan Anda ({size} MB) lebih besar dari {limit} MB yang kami baca otomatis; kami menyimpannya dan tim kami akan memeriksanya.',
    automatic: 'Ini adalah balasan otomatis.',
  },
};
