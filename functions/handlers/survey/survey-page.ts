import { fill } from '../../domain/i18n/catalogue';
import type { SurveyPage } from '../../domain/survey/answer-by-link';
import { SURVEY_TEXTS } from '../../domain/survey/survey-texts';

// The page has no script and may post only to itself.
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The survey page as HTML in the guest's language: a form to confirm the score, the thanks, or a dead link. */
export function renderSurveyPage(page: SurveyPage): {
  status: number;
  body: string;
  headers: Record<string, string>;
} {
  const language = page.language ?? 'en';
  const t = SURVEY_TEXTS[language];
  let main: string;
  if (page.kind === 'ask')
    main = `<h1>${escapeHtml(fill(t.yourScore, { case: page.caseNumber, score: page.score }))}</h1>
<form method="post"><label>${escapeHtml(t.comment)}<br><textarea name="comment" rows="4" cols="40" maxlength="1000"></textarea></label>
<p><button type="submit">${escapeHtml(t.send)}</button></p></form>`;
  else if (page.kind === 'done')
    main = `<h1>${escapeHtml(fill(page.reopened ? t.thanksLow : t.thanks, { case: page.caseNumber }))}</h1>`;
  else main = `<h1>${escapeHtml(t.expired)}</h1>`;
  return {
    status: page.kind === 'invalid' ? 404 : 200,
    body: `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.send)}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem">${main}</body></html>`,
    headers: { ...PAGE_HEADERS },
  };
}
