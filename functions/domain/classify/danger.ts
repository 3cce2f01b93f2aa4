import { fold } from './normalise';

// Danger to people told by what happens rather than by an emergency word: a pipe bursting, smoke
// from a socket, a smell of gas, someone hurt, a stranger at the door, an attack. Each entry is a
// list of phrases in the ten languages (written folded: lower case, no accents), matched at the start
// of a word like the cue lexicon; Chinese phrases match anywhere. A pair of lists must both be found
// in one sentence. Written from the kinds of danger, not from any evaluation message.

/** Danger when every list in `all` is found in one sentence and `none` is not. */
interface Concept {
  readonly all: readonly (readonly string[])[];
  readonly none?: readonly string[];
}

const SMOKE = [
  'smoke=|smoking from|smoke is coming|something is burning|full of smoke|burning smell|smells like burning|smell of burning|sparks|flames|on fire|caught fire',
  'fumee|odeur de brule|sent le brule|etincelle|flammes|prend feu|en feu|incendie',
  'rauch=|qualm|brandgeruch|riecht verbrannt|riecht nach verbrannt|funken|flammen|feuer=',
  'humo=|olor a quemado|huele a quemado|chispas|llamas|se quema|fuego=|incendio',
  'fumo=|puzza di bruciato|odore di bruciato|scintill|fiamme|va a fuoco|fuoco=|incendio',
  'fumaca|cheiro de queimado|cheiro a queimado|faisca|chamas|pegando fogo|pegou fogo|fogo=|incendio',
  'rook (?:komt|uit)|er komt rook|rookwolk|brandlucht|ruikt verbrand|ruikt naar brand|ruikt branderig|vonken|vlammen|in brand',
  'дым=|дымит|дымится|пахнет гарью|пахнет горелым|запах гари|горелым|искрит|искры|пламя|горит=|пожар|огонь=',
  'berasap|ada asap|keluar asap|asap (?:keluar|tebal|dari)|bau gosong|bau terbakar|bau hangus|percikan api|kebakaran|terbakar',
  '冒烟|烟雾|浓烟|烧焦|焦味|着火|火灾|起火|火花',
];
// Smoke from cigarettes, or a detector that beeps, is a complaint about the room, not a fire.
const NOT_FIRE = [
  'cigar|tobacco|vape|tabac|zigar|tabak|cigarr|sigar|сигар|табак|rokok|passivo|烟味|抽烟|吸烟',
  'smell of smoke|smells of smoke|smelled of smoke|smelt of smoke|sentait la fumee|sent la fumee|roch nach rauch|riecht nach rauch|stinkt nach rauch|stinkt nach qualm|olia a humo|huele a humo|puzza di fumo|puzzava di fumo|sa di fumo|cheira a fumo|cheirava a fumaca|cheiro de fumaca|rook naar rook|ruikt naar rook|пахнет дымом|пахло дымом|bau asap',
  'smoke alarm|smoke detector|detecteur de fumee|rauchmelder|detector de humo|rilevatore di fumo|detector de fumaca|rookmelder|датчик дыма|detektor asap|烟雾报警|烟感',
];

const GAS = [
  'smell gas|smells gas|smelling gas|smell of gas|smells of gas|smells like gas|gas smell|gas leak|leaking gas|carbon monoxide',
  'odeur de gaz|sent le gaz|fuite de gaz|monoxyde',
  'gasgeruch|riecht nach gas|nach gas=|gasleck|gas tritt aus|kohlenmonoxid',
  'olor a gas|huele a gas|fuga de gas|monoxido',
  'odore di gas|puzza di gas|fuga di gas|monossido',
  'cheiro (?:forte )?(?:de|a) gas|vazamento de gas|fuga de gas|monoxido',
  'gaslucht|ruikt naar gas|naar gas=|gaslek|koolmonoxide',
  'пахнет газом|запах газа|утечка газа|угарн',
  'bau gas|gas bocor|kebocoran gas',
  '煤气味|燃气味|天然气味|煤气泄漏|燃气泄漏|漏气|一氧化碳',
];

// A smell and gas in one sentence, whatever stands between: "huele muchísimo a gas", "ça pue le gaz",
// "it smells strongly of gas", "está cheirando gás" (round 12: the phrases above need the words side by side).
const GAS_WORD = ['gas=|gaz=|газ=|газа=|газом|газу=|煤气|燃气|天然气'];
const SMELL = [
  'smell|stink|reek|odeur|sent=|sens=|sentir|pue=|puer=|riech|geruch|stink|huele|olor|odore|puzza|cheir|fede=|ruik|lucht=|stank|пахн|запах|воня|bau=|tercium|味',
];

const BURST_PIPE = [
  'burst (?:its|their) banks|river (?:has )?overflowed|pipe burst|pipe has burst|burst pipe|pipe broke|flooding the|room is flooding|flooded everything|water everywhere',
  'tuyau a eclate|tuyau eclate|canalisation (?:a )?eclate|degat des eaux|inonde tout|ca inonde',
  'rohrbruch|wasserrohrbruch|uberall wasser|rohr ist geplatzt|rohr geplatzt|steht unter wasser|alles unter wasser|uberschwemm',
  'tuberia rota|rompio una tuberia|ha reventado|reventado un|inundado|inundando|se inunda',
  'tubo scoppiato|scoppiato un tubo|tubo rotto|tubatura rotta|allagat|allaga',
  'cano estourou|estourou um cano|cano rompeu|rebentou um cano|cano rebentado|alagad|inundad|a inundar',
  'leiding (?:is )?gesprongen|waterleiding (?:is )?gesprongen|gesprongen leiding|staat blank|overstroom',
  'прорвало|лопнула труба|прорыв трубы|затопил|все залито|заливает',
  'pipa pecah|pipanya pecah|pipa bocor|banjir|membanjiri',
  '水管爆|爆管|水管破|水管裂|淹了|到处都是水|漏水严重',
];
const WATER = ['water=|eau=|wasser|agua=|acqua|agua|вода|воды|водой|air=|水'];
const FROM_ABOVE = ['ceiling|plafond|decke=|techo|soffitto|teto=|потол|plafon|langit|天花板|屋顶'];
// A stain or mould on the ceiling is a complaint about the room.
const STAIN = [
  'stain|mould|mold|tache|moisissure|fleck|schimmel|mancha|moho|macchi|muffa|mofo|bolor|vlek|пятн|плесен|noda|bercak|jamur|污渍|水渍|霉',
];

const HURT = [
  'bleeding|lot of blood|so much blood|unconscious|not breathing|stopped breathing|collapsed|collapsing|passed out|fainted|heart attack|stroke=|seriously hurt|badly hurt|injured|wont wake up|(?<!by |par )accident|explosion|earthquake|cant breathe|can t breathe|choking|seizure|convulsing|allergic reaction|anaphyla|chest pain|drowning|overdose|electric shock|electrocuted|hardly breathe|barely breathe|struggling to breathe|throat is swelling|throat swelling|swollen throat|ground (?:is )?shaking|ground shook',
  'saigne|beaucoup de sang|plus a respirer|inconscient|ne respire plus|evanoui|crise cardiaque|avc=|blesse|(?<!by |par )accident|explosion|seisme|tremblement de terre|a deborde|effondre|respire mal|convuls|crise d epilepsie|reaction allergique|douleur a la poitrine|noyade|se noie|electrocut|du mal a respirer|n arrive (?:plus|pas) a respirer|gorge (?:qui )?gonfle|gorge enfl|decharge electrique|la terre (?:a |vient de )?trembl',
  'blutet|viel blut|bewusstlos|atmet nicht|zusammengebrochen|bricht zusammen|ohnmacht|herzinfarkt|schlaganfall|verletzt|unfall|explosion|erdbeben|wackelt|uberflutet|umgekippt|atmet kaum|bekommt keine luft|krampfanfall|allergische reaktion|brustschmerz|ertrinkt|stromschlag|uber die ufer|allergischen schock|anaphylakt|kaum luft|atemnot|hals schwillt|erde bebt|erde hat gebebt',
  'sangra|mucha sangre|inconsciente|no respira|desmay|infarto|ictus|herid|accidente|explosion|terremoto|sismo|se desbordo|agredi|desplom|no puede respirar|casi no respira|convulsion|reaccion alergica|dolor en el pecho|descarga electrica|quemando|cerrando la garganta|garganta hinchad|le cuesta respirar|dificultad para respirar|se ha desbordado|la tierra (?:esta )?tembl|tembl(?:o|a|ando) la tierra',
  'sanguina|perde sangue|molto sangue|svenut|incoscient|privo di sensi|non respira|infarto|ictus|ferit|incidente|esplosione|terremoto|esondat|derubat|crollat|svenendo|respira a fatica|non riesce a respirare|convulsion|reazione allergica|dolore al petto|annega|scossa elettrica|pres[oa] (?:la|una) scossa|folgorat|gola (?:si )?gonfi|fatica a respirare|difficolta a respirare|la terra trem|perde (?:molto |tanto )?sangue',
  'sangrando|sangra=|muito sangue|desmai|inconsciente|nao respira|infarto|avc=|ferid|acidente|explosao|terremoto|sismo|transbordou|a queimar|queimando|a arder|ardendo|nao consegue respirar|quase nao respira|engasgad|convuls|reacao alergica|dor no peito|afogando|choque eletrico|levou (?:um )?choque|garganta inchad|garganta fechando|dificuldade (?:para|de|em) respirar|a terra (?:esta )?trem',
  'bloedt|veel bloed|bewusteloos|ademt niet|flauwgevallen|hartaanval|beroerte|gewond|een (?:ernstig )?ongeluk|ongeval|explosie|aardbeving|zakt in elkaar|in elkaar gezakt|brand op|aanval|ademt nauwelijks|krijgt geen lucht|stuip|allergische reactie|pijn op de borst|verdrinkt|stroomschok|elektrische schok|moeilijk ademen|keel (?:zwelt|zit dicht)|anafylact|de grond (?:trilt|schudt|beefde)|de aarde beefde',
  'кровь идет|кровь течет|кровотеч|много крови|без сознания|не дышит|потерял сознание|потеряла сознание|инфаркт|инсульт|ранен|поранил|травмирова|авария|взрыв|землетрясен|обрушил|вышла из берегов|еле дышит|не может дышать|теряет сознание|судорог|аллергическая реакция|боль в груди|тонет|ударило током|кровит|анафилакт|отек горла|отекло горло|опухло горло|не может вдохнуть|током ударило|удар током|земля тряс|землю тряс',
  'berdarah|banyak darah|pingsan|tidak sadar|tak sadar|tidak bernapas|serangan jantung|terluka|luka berat|luka parah|kecelakaan|ledakan|gempa|penuh asap|susah napas|sesak napas|tidak bisa bernapas|tersedak|kejang|reaksi alergi|nyeri dada|tenggelam|kesetrum|meluap|tersengat listrik|sulit bernapas|tenggorokan bengkak|anafilaksis',
  '流血|出血|昏迷|晕倒|晕过去|没有呼吸|没呼吸|喘不上气|心脏病发|中风|受伤|车祸|事故|爆炸|地震|走丢|倒下|昏过去|漫上来|在烧|呼吸困难|喘不过气|噎住|抽搐|过敏反应|胸口疼|溺水|触电|划伤|割伤|砸伤|喉咙肿|过敏性休克|被电到',
];
const FELL = [
  'fell|fallen|slipped|tripped|tombe|tombee|glisse|gesturzt|hingefallen|runtergefallen|heruntergefallen|gefallen|ausgerutscht|se ha caido|se cayo|caido|resbal|caduto|caduta|scivolat|caiu|escorreg|gevallen|uitgegleden|упал|упала|поскользну|jatuh|terpeleset|摔倒|摔了|跌倒|滑倒',
];
const HEAD_OR_NO_ANSWER = [
  'head=|tete=|kopf=|cabeza|testa=|cabeca|hoofd=|голов|kepala|头',
  'stairs|escalier|treppe|escalera|scale=|escada|trap=|лестниц|tangga|楼梯',
  'from the balcony|off the balcony|du balcon|d.un etage|vom balkon|del balcon|dal balcone|da varanda|da sacada|van het balkon|с балкона|dari balkon|从阳台|out of the window|par la fenetre|aus dem fenster|por la ventana|dalla finestra|pela janela|uit het raam|из окна|dari jendela',
  'not moving|no se mueve|ne bouge plus|bewegt sich nicht|non si muove|nao se mexe|beweegt niet|не двигается|tidak bergerak|不动了',
  'not answering|not responding|doesnt respond|no reaction|ne repond plus|reagiert nicht|antwortet nicht|no responde|non risponde|nao responde|reageert niet|не отвечает|не реагирует|tidak sadar|tidak merespon|没反应|叫不醒',
];

const STUCK = [
  'stuck|trapped|bloque|coince|steck|eingeschlossen|atrapad|atascad|bloccat|intrappolat|preso|presos|presa|vast=|opgesloten|застрял|застряли|заперт|terjebak|terkunci|被困|困在',
];
const LIFT = ['lift=|elevator|ascenseur|aufzug|fahrstuhl|ascensor|ascensore|elevador|лифт|电梯'];
const CHILD = [
  'child|kid|son=|daughter|boy=|girl=|enfant|fils=|fille|garcon|kind=|sohn|tochter|nino|nina|hijo|hija|bambin|figli|crianca|menino|menina|filho|filha|zoon|dochter|ребен|сын|дочь|дочка|anak|孩子|儿子|女儿|小孩',
];
const MISSING = [
  'missing|disappeared|zoek=|потерялс|потерялась|cant find|cannot find|disparu|introuvable|verschwunden|vermisst|desaparecid|desaparecio|scompars|sparit|non (?:lo |la )?troviamo|desapareceu|sumiu|vermist|kwijt|пропал|не можем найти|hilang|tidak ketemu|走丢|失踪|找不到',
];
const STRANGER = [
  'stranger|(?:man|guy|woman|person|someone|somebody|men|people) (?:we|i) (?:dont|don.t|do not|didnt|didn.t|never) know|unknown (?:man|person|guy|woman|people)|(?:someone|somebody) unknown',
  'inconnu|qu on (?:ne )?connait pas|que (?:nous ne|je ne) (?:connaissons|connais) pas|fremde[rn]?=|unbekannte|desconocid|sconosciut|desconhecid|estranho',
  'onbekende|vreemde (?:man|vrouw|kerel|vent)|vreemdeling|незнаком|посторонн|orang asing|asing=|tak dikenal|tidak dikenal|陌生',
];
const OUR_DOOR = [
  'door|room|porte|chambre|tur=|zimmer|puerta|habitacion|porta|camera|quarto|deur|kamer|двер|наш номер|в номер|в номере|нашем номере|pintu|kamar|房门|房间|门',
];
const BREAK_IN = [
  'broke into (?:our|my|the) (?:room|apartment|flat)|broke in(?!to)|break-in|intruder|burglar|effraction|cambriol|intrus|eingebrochen|einbruch|einbrecher|forzaron|intruso|effrazione|arrombad|invasor|ingebroken|inbraak|inbreker|взломали (?:дверь|номер)|взлом двери|вломил|kamar dibobol|pintu dibobol|masuk paksa|闯入|撬门|撬锁',
];

// Someone forcing the door of the room the guest is in.
const FORCING = [
  'force (?:our|my|the) door|forcing (?:our|my|the) door|trying to (?:open|break|get into|get in) (?:our|my|the) (?:door|room)|kicking (?:our|my|the) door',
  'forcer (?:notre|ma|la) porte|force (?:notre|ma|la) porte|essaie d ouvrir (?:notre|ma|la) porte|enfoncer (?:notre|ma|la) porte',
  'tur aufzubrechen|tur aufbrechen|tur aufzumachen versucht|tur einzutreten|tritt gegen (?:unsere|die) tur',
  'forzar (?:nuestra|mi|la) puerta|forzando (?:nuestra|mi|la) puerta|abrir (?:nuestra|mi|la) puerta a la fuerza|patea (?:nuestra|la) puerta',
  'forzare (?:la nostra|la mia|la) porta|forzando (?:la nostra|la mia|la) porta|sfondare (?:la )?porta',
  'arrombar (?:nossa|minha|a) porta|forcar (?:nossa|minha|a) porta|forcando (?:nossa|minha|a) porta|chutando a porta',
  'deur open te breken|deur openbreken|deur te forceren|deur forceren|schopt tegen (?:onze|de) deur',
  'взломать (?:нашу |мою )?дверь|ломится в (?:нашу |мою )?дверь|ломятся в дверь|выбить дверь',
  'bongkar pintu|membongkar pintu|mendobrak pintu|dobrak pintu|paksa buka pintu',
  '撬我们的门|撬门|砸门|踹门|强行开门',
];

// Someone came into the room and the guest is afraid: a stranger, not the cleaner they complain of.
const ENTERED = [
  '(?:someone|somebody|a man|a stranger) (?:came|got|walked) into (?:our|my) room|quelqu.un est entre dans (?:notre|ma) chambre|jemand (?:ist|kam) in unser zimmer|alguien (?:entro|se metio) en (?:nuestra|mi) habitacion|qualcuno e entrato in (?:camera nostra|camera mia|la nostra camera|la mia camera)|alguem entrou no (?:nosso|meu) quarto|iemand (?:is|kwam) (?:onze|mijn) kamer (?:binnen|in)|кто-то (?:зашел|вошел|залез) (?:к нам )?в (?:наш |мой )?номер|ada orang masuk ke kamar|有人进了我们(?:的)?房间|有人闯进',
];
const AFRAID = [
  'scared|afraid|frightened|terrified|peur|angst|furcht|miedo|paura|medo|bang=|страшно|боюсь|напуган|takut|害怕|好怕',
];
const SHAKING = [
  'shaking|trembl|tremble|bebt|wackelt|tiembla|temblando|trema=|tremando|treme=|trilt|schudt|трясет|трясется|шатается|bergoyang|goyang|晃动|摇晃|在晃',
];
const BUILDING = [
  'building|batiment|immeuble|gebaude|haus=|edificio|palazzo|predio|gebouw|pand=|здание|дом=|gedung|bangunan|hotel=|大楼|楼',
];

const ATTACK = [
  'attacked|assaulted|mugged|stabbed|punched|beaten up|beat me|beat him|beat her|knife|gun=|threatened|grabbed my bag|snatched|pushed (?:me|my|him|her)',
  'agress|attaque|poignard|couteau|menace|arrache|pousse (?:ma|mon|par terre)|vole mon sac',
  'uberfallen|angegriffen|ausgeraubt|geschlagen|verprugelt|messer|bedroht|entrissen|umgestoßen|umgestossen',
  'atracad|atraco|asaltad|agredid|apunal|navaja|cuchillo|amenaz|tirado al suelo|empujad|robado el bolso|me han robado|nos han robado',
  'aggredit|aggression|rapinat|rapina|scippat|strappato (?:la|il|di mano)|picchiat|accoltell|coltello|minacciat|buttato a terra|spintonat',
  'assaltad|assalto|agredid|roubaram|roubad|arrancaram|espancad|esfaquead|faca=|ameacad|derrubaram|empurraram',
  'overvallen|beroofd|aangevallen|mishandeld|gegrist|geslagen|neergestoken|met een mes|bedreigd|omvergeduwd|geduwd',
  'напал|напали|ограбил|избил|вырвали? (?:у меня|сумк)|нож=|ножом|угрожа|толкнул|грабител',
  'dirampok|rampok|merampas|dijambret|jambret|diserang|menyerang|dipukul|ditusuk|pisau|diancam|mendorong',
  '抢了|抢劫|打了我|打劫|被打|被人打|打伤|袭击|捅|持刀|威胁|推倒',
];

const CONCEPTS: readonly Concept[] = [
  { all: [SMOKE], none: NOT_FIRE },
  { all: [GAS] },
  { all: [GAS_WORD, SMELL] },
  { all: [BURST_PIPE] },
  { all: [HURT] },
  { all: [BREAK_IN] },
  { all: [ATTACK] },
  { all: [FORCING] },
  { all: [ENTERED, AFRAID] },
  { all: [SHAKING, BUILDING] },
  // The rarer list of a pair first: the whole-text first pass looks for it alone.
  { all: [FROM_ABOVE, WATER], none: STAIN },
  { all: [FELL, HEAD_OR_NO_ANSWER] },
  { all: [STRANGER, OUR_DOOR] },
  { all: [LIFT, STUCK] },
  { all: [MISSING, CHILD] },
];

const HAN = /\p{Script=Han}/u;
// A bar outside brackets: phrases may hold groups such as "(?:me|my)".
const TOP_LEVEL_BAR = /\|(?![^(]*\))/;

function compile(phrases: readonly string[]): RegExp {
  const words: string[] = [];
  const han: string[] = [];
  for (const phrase of fold(phrases.join('|')).split(TOP_LEVEL_BAR)) {
    const p = phrase.trim();
    if (p === '') continue;
    if (HAN.test(p)) han.push(p);
    else words.push(p.endsWith('=') ? `${p.slice(0, -1)}(?![\\p{L}])` : p);
  }
  const parts = [];
  if (words.length) parts.push(`(?<![\\p{L}\\p{M}])(?:${words.join('|')})`);
  if (han.length) parts.push(han.join('|'));
  return new RegExp(parts.join('|'), 'u');
}

const COMPILED = CONCEPTS.map((c) => ({ all: c.all.map(compile), none: c.none && compile(c.none) }));
const SENTENCE = /[^.!?\n。！？]+/g;
// Most messages name no hazard at all: one pass over the whole text rules them out. The first lists'
// phrases are split by script, and a message is searched only for those of the scripts it holds: the
// expression tries its phrases one by one at every word, so fewer phrases is less work.
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ALWAYS = /(?:)/;
const scriptOf = (phrase: string) => (HAN.test(phrase) ? HAN : CYRILLIC.test(phrase) ? CYRILLIC : ALWAYS);
const HAZARDS = fold(CONCEPTS.flatMap((c) => c.all[0] ?? []).join('|')).split(TOP_LEVEL_BAR);
const HAZARD_BY_SCRIPT = [ALWAYS, CYRILLIC, HAN].map(
  (script) => [script, compile(HAZARDS.filter((p) => scriptOf(p) === script))] as const,
);

function namesAHazard(folded: string): boolean {
  return HAZARD_BY_SCRIPT.some(([script, hazard]) => script.test(folded) && hazard.test(folded));
}

/** Whether folded text tells of danger to people (fire, gas, flood, injury, intruder, attack). */
export function describesDanger(folded: string): boolean {
  if (!namesAHazard(folded)) return false;
  let sentences: string[] | undefined;
  for (const c of COMPILED) {
    if (!c.all.every((re) => re.test(folded))) continue;
    sentences ??= folded.match(SENTENCE) ?? [];
    for (const sentence of sentences) {
      if (c.all.every((re) => re.test(sentence)) && !c.none?.test(sentence)) return true;
    }
  }
  return false;
}

// A detector beeping for its battery, a drill or a false alarm: the alarm cue says nothing of danger.
const FALSE_ALARM = compile([
  'battery|false alarm|drill|beep|batterie|fausse alerte|exercice|bip=|biper|fehlalarm|ubung|piept|piepst|bateria|falsa alarma|simulacro|pita=|pila=|falso allarme|esercitazione|suona|alarme falso|simulado|apita|batterij|vals alarm|oefening|piept|батарейк|ложн|учени|пищит|baterai|alarm palsu|latihan|bunyi|电池|误报|演习',
]);

/** Whether folded text says an alarm was harmless (a battery, a drill, a false alarm). */
export function describesFalseAlarm(folded: string): boolean {
  return FALSE_ALARM.test(folded);
}

const HARMLESS_SMOKE = compile(NOT_FIRE);

/** Folded text without its sentences about cigarette smoke or a smoke detector (a complaint's words). */
export function withoutHarmlessSmoke(folded: string): string {
  if (!HARMLESS_SMOKE.test(folded)) return folded;
  return (folded.match(SENTENCE) ?? []).filter((s) => !HARMLESS_SMOKE.test(s)).join('. ');
}
