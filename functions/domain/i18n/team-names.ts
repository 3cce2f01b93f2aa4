import type { Language } from '../languages';

// How each language names "the team that speaks X", with X as Intl.DisplayNames writes the language.
// Russian takes the adverb ("по-французски"), made from the adjective ("французский") by its ending.
const TEAM: Readonly<Record<Language, (name: string) => string>> = {
  en: (name) => `${name}-speaking team`,
  fr: (name) => `équipe parlant ${name}`,
  de: (name) => `Team für ${name}`,
  es: (name) => `equipo de ${name}`,
  it: (name) => `team che parla ${name}`,
  pt: (name) => `equipa de ${name}`,
  nl: (name) => `${name}talige team`,
  zh: (name) => `${name}团队`,
  ru: (name) => `команда, говорящая по-${name.replace(/ий$/, 'и')}`,
  id: (name) => `tim berbahasa ${name}`,
};

const names = new Map<Language, Intl.DisplayNames>();

/** The language team named in the guest's language: ("fr" guest, "en" team) → "équipe parlant anglais". */
export function teamName(guest: Language, team: Language): string {
  let display = names.get(guest);
  if (!display) {
    display = new Intl.DisplayNames(guest, { type: 'language' });
    names.set(guest, display);
  }
  return TEAM[guest](display.of(team) ?? team);
}
