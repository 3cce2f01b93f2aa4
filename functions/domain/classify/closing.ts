// Thanks and closing messages ("Vielen Dank, hat geklappt 🙏", "спасибо, всё решилось", "ok thanks"):
// a guest who says thank you and asks nothing more is `general`, never urgent. The words are folded
// (lower case, no accents); what is left once they and the fillers are gone decides.

const THANKS = [
  'thank|thanks|thx|thnx|ty|cheers|appreciate|merci|remercie|danke|dankeschon|bedankt|dank|gracias|grazie|obrigad|obg|brigad|спасибо|спс|благодар|makasih|trims|terima kasih|tq',
];
const DONE = [
  'solved|sorted|resolved|fixed|worked|worked out|works now|all good|all set|got it|regle|resolu|ca marche|c est bon|geklappt|erledigt|gelost|funktioniert|klappt|solucionado|resuelto|arreglado|listo|risolto|sistemato|funziona|resolvido|deu certo|funcionou|opgelost|gelukt|werkt|решил|решено|решилось|получилось|заработало|beres|selesai|berhasil|sudah bisa',
];
const BYE = [
  'bye|goodbye|have a nice day|have a good day|bonne journee|bonne soiree|au revoir|a bientot|tschuss|schonen tag|bis bald|adios|hasta luego|buen dia|arrivederci|buona giornata|a presto|tchau|ate logo|bom dia|tot ziens|doei|fijne dag|до свидания|хорошего дня|всего доброго|sampai jumpa|dadah|ok|okay|oke|okey|d accord|alles klar|vale|va bene|perfetto|perfecto|perfeito|ta bom|prima|top|great|perfect|super|parfait|ок|хорошо|отлично|baik|siap',
];
// Words a thank-you wraps itself in: "so much", "for your help", "again", "all", "now".
const FILLER = [
  'you|so|much|very|a|lot|for|your|the|help|again|all|now|it|is|its|that|this|we|i|guys|team|everything|out|fine|beaucoup|pour|votre|l|aide|tout|est|c|vielen|herzlichen|fur|die|hilfe|hat|alles|ist|jetzt|nochmal|mil|muchas|muchisimas|por|la|ayuda|ya|esta|todo|mille|tante|per|l|aiuto|tutto|e|muito|muita|pela|ajuda|ja|esta|tudo|heel|erg|hartelijk|voor|de|hulp|is|alles|weer|большое|за|помощь|все|всё|уже|banyak|atas|bantuannya|bantuan|ya|sudah|udah|semua|nya|kak|mas|mbak',
];
const HAN_THANKS = /谢谢|感谢|多谢|谢啦|解决了|搞定了|好的|没问题了/;
const HAN_THANKS_ALL = new RegExp(HAN_THANKS.source, 'g');
const HAN_FILLER = /已经|非常|你们|您们|的|帮助|了|啦|哈|！|，|。|\s/g;
const HAN = /\p{Script=Han}/u;

const THANKS_OR_DONE = wordSet([...THANKS, ...DONE]);
const ALL_KNOWN = wordSet([...THANKS, ...DONE, ...BYE, ...FILLER]);
const PHRASES = [...THANKS, ...DONE, ...BYE]
  .flatMap((l) => l.split('|'))
  .filter((p) => p.includes(' '))
  .sort((a, b) => b.length - a.length);
const WORD = /[\p{L}\p{M}]+/gu;
// Longer than this, a message says more than thanks.
const MAX_CHARS = 120;
const THANKS_OR_DONE_RE = new RegExp(
  `(?<![\\p{L}])(?:${[...THANKS, ...DONE].join('|')})(?![\\p{L}])|${HAN_THANKS.source}`,
  'u',
);
// More words than this left over: the guest says something besides thanks.
const MAX_LEFT = 1;

function wordSet(lists: readonly string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((l) => l.split('|')).flatMap((p) => p.split(' ')));
}

/** Whether folded text only thanks, confirms something is solved, or says goodbye. */
export function isClosingOnly(folded: string): boolean {
  // A thank-you is short and says thanks or "solved": anything else is not one.
  if (folded.length > MAX_CHARS || !THANKS_OR_DONE_RE.test(folded)) return false;
  if (HAN.test(folded)) {
    if (!HAN_THANKS.test(folded)) return false;
    return (
      folded
        .replace(HAN_THANKS_ALL, '')
        .replace(HAN_FILLER, '')
        .replace(/[^\p{L}\p{N}]/gu, '').length <= 1
    );
  }
  let text = ` ${folded} `;
  let saidThanks = false;
  for (const p of PHRASES) {
    if (text.includes(` ${p} `)) {
      saidThanks ||=
        THANKS.some((l) => l.split('|').includes(p)) || DONE.some((l) => l.split('|').includes(p));
      text = text.replaceAll(` ${p} `, ' ');
    }
  }
  const words = text.match(WORD) ?? [];
  let left = 0;
  for (const w of words) {
    if (THANKS_OR_DONE.has(w)) saidThanks = true;
    else if (!ALL_KNOWN.has(w)) left++;
  }
  return saidThanks && left <= MAX_LEFT && !/\d/.test(folded);
}
