import type { Language } from '../languages';

// The contact button's label: sharing the number is what lets us find the guest's booking.
const SHARE_PHONE: Readonly<Record<Language, string>> = {
  en: 'Share my phone number',
  fr: 'Partager mon numéro de téléphone',
  de: 'Meine Telefonnummer teilen',
  es: 'Compartir mi número de teléfono',
  it: 'Condividi il mio numero di telefono',
  pt: 'Partilhar o meu número de telefone',
  nl: 'Mijn telefoonnummer delen',
  zh: '分享我的手机号码',
  ru: 'Поделиться номером телефона',
  id: 'Bagikan nomor telepon saya',
};

/** The label of the button a guest presses to share their phone number, in their language. */
export function sharePhoneLabel(language: Language): string {
  return SHARE_PHONE[language];
}
