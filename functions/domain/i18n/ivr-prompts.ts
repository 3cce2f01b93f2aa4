import type { Language } from '../languages';
import { IVR_PROMPTS_ZH_RU_ID } from './ivr-prompts-zh-ru-id';

/**
 * Everything the phone IVR says, per language: the one catalogue both voice doors (Connect and
 * Twilio) read; flows never carry prompt text. `{x}` marks a value to fill in (see `fill`).
 */
export interface IvrPromptSet {
  /** The language's own name, for the language menu ("Français"). */
  readonly name: string;
  readonly greeting: string;
  readonly greetingLoyalty: string;
  /** One language-menu entry, said in its own language. */
  readonly languageOption: string;
  readonly languageStay: string;
  readonly topicMenu: string;
  /** Twilio only: the menu also listens to speech. */
  readonly topicSpeech: string;
  readonly notAnOption: string;
  readonly noInput: string;
  readonly bookingAsk: string;
  readonly bookingInvalid: string;
  readonly bookingAgain: string;
  readonly pinAsk: string;
  readonly pinNoMatch: string;
  readonly notVerified: string;
  readonly agentOrHangUp: string;
  readonly caseNumber: string;
  readonly connecting: string;
  /** The expected wait, `{wait}` from waitPhrase. */
  readonly wait: string;
  readonly waitSoon: string;
  readonly position: string;
  readonly emergency: string;
  readonly callbackOffer: string;
  /** Load shedding: the callback that keeps the caller's place, offered as soon as the call queues. */
  readonly callbackOfferBusy: string;
  readonly callbackConfirm: string;
  readonly holdOn: string;
  readonly busy: string;
  readonly goodbye: string;
}

/** Said in English before the menus when the platform has no voice for the caller's language. */
export const NO_VOICE_NOTICE =
  'Automated messages in {language} are not available, so this menu continues in English. Our {language}-speaking team will answer you.';

/** The IVR prompt catalogue: one IvrPromptSet per served language. */
export const IVR_PROMPTS: Readonly<Record<Language, IvrPromptSet>> = {
  en: {
    name: 'English',
    greeting: 'Welcome to customer service.',
    greetingLoyalty: 'Welcome to the line for our loyalty members.',
    languageOption: 'For English, press {digit}.',
    languageStay: 'To continue in English, stay on the line.',
    topicMenu:
      'To change a booking, press 1. To cancel a booking, press 2. For a refund or a payment, press 3. If you are at the property and something is wrong, press 4. For anything else, press 5. If anyone is in danger or hurt, press 9.',
    topicSpeech: 'You can also tell me in a few words why you are calling.',
    notAnOption: 'Sorry, that is not one of the options.',
    noInput: 'Sorry, I did not get that.',
    bookingAsk:
      'Please type your 10-digit booking number, then press the hash key. If you have no booking number, just press the hash key.',
    bookingInvalid: 'The booking number {ref} is not valid.',
    bookingAgain: 'Please type it again, then press the hash key.',
    pinAsk: 'Please type the 4-digit PIN of your booking.',
    pinNoMatch: 'The booking number and the PIN do not match.',
    notVerified: 'We could not verify your booking. An agent will help you.',
    agentOrHangUp: 'To speak with an agent, press 1. Otherwise, you can hang up now.',
    caseNumber: 'Your case number is {case}.',
    connecting: 'Please hold, we are connecting you to our team.',
    wait: 'The expected wait is about {wait}.',
    waitSoon: 'An agent will be with you shortly.',
    position: 'You are number {n} in the queue.',
    emergency:
      'If anyone is in danger or hurt, hang up now and call the local emergency services: 112 in Europe, 911 in North America. To speak with our team about your booking, stay on the line.',
    callbackOffer: 'To be called back instead of waiting, press 1.',
    callbackOfferBusy:
      'We are very busy right now. To keep your place in the queue and be called back instead of waiting, press 1.',
    callbackConfirm: 'We will call you back on the number ending in {digits}. Goodbye.',
    holdOn: 'Please hold, we are connecting you to an agent.',
    busy: 'All our lines are busy. Please call again later. Goodbye.',
    goodbye: 'Thank you for calling. Goodbye.',
  },
  fr: {
    name: 'Français',
    greeting: 'Bienvenue au service client.',
    greetingLoyalty: 'Bienvenue sur la ligne réservée à nos membres fidélité.',
    languageOption: 'Pour le français, tapez {digit}.',
    languageStay: 'Pour continuer en français, restez en ligne.',
    topicMenu:
      "Pour modifier une réservation, tapez 1. Pour annuler une réservation, tapez 2. Pour un remboursement ou un paiement, tapez 3. Si vous êtes sur place et qu'il y a un problème, tapez 4. Pour toute autre demande, tapez 5. Si quelqu'un est en danger ou blessé, tapez 9.",
    topicSpeech: 'Vous pouvez aussi me dire en quelques mots pourquoi vous appelez.',
    notAnOption: "Désolé, ce choix n'existe pas.",
    noInput: "Désolé, je n'ai pas compris.",
    bookingAsk:
      "Veuillez taper votre numéro de réservation à 10 chiffres, puis la touche dièse. Si vous n'avez pas de numéro de réservation, tapez seulement la touche dièse.",
    bookingInvalid: "Le numéro de réservation {ref} n'est pas valide.",
    bookingAgain: 'Veuillez le taper à nouveau, puis la touche dièse.',
    pinAsk: 'Veuillez taper le code PIN à 4 chiffres de votre réservation.',
    pinNoMatch: 'Le numéro de réservation et le code PIN ne correspondent pas.',
    notVerified: "Nous n'avons pas pu vérifier votre réservation. Un conseiller va vous aider.",
    agentOrHangUp: 'Pour parler à un conseiller, tapez 1. Sinon, vous pouvez raccrocher.',
    caseNumber: 'Votre numéro de dossier est {case}.',
    connecting: 'Veuillez patienter, nous vous mettons en relation avec notre équipe.',
    wait: "L'attente prévue est d'environ {wait}.",
    waitSoon: 'Un conseiller va vous répondre dans un instant.',
    position: "Vous êtes numéro {n} dans la file d'attente.",
    emergency:
      "Si quelqu'un est en danger ou blessé, raccrochez et appelez les services d'urgence locaux : le 112 en Europe. Pour parler de votre réservation à notre équipe, restez en ligne.",
    callbackOffer: 'Pour être rappelé au lieu de patienter, tapez 1.',
    callbackOfferBusy:
      'Nous sommes très sollicités en ce moment. Pour garder votre place dans la file et être rappelé au lieu de patienter, tapez 1.',
    callbackConfirm: 'Nous vous rappellerons au numéro se terminant par {digits}. Au revoir.',
    holdOn: 'Veuillez patienter, nous vous mettons en relation avec un conseiller.',
    busy: 'Toutes nos lignes sont occupées. Veuillez rappeler plus tard. Au revoir.',
    goodbye: 'Merci de votre appel. Au revoir.',
  },
  de: {
    name: 'Deutsch',
    greeting: 'Willkommen beim Kundenservice.',
    greetingLoyalty: 'Willkommen auf der Leitung für unsere Treuemitglieder.',
    languageOption: 'Für Deutsch drücken Sie die {digit}.',
    languageStay: 'Um auf Deutsch fortzufahren, bleiben Sie in der Leitung.',
    topicMenu:
      'Um eine Buchung zu ändern, drücken Sie die 1. Um eine Buchung zu stornieren, die 2. Für eine Erstattung oder Zahlung die 3. Wenn Sie in der Unterkunft sind und etwas nicht stimmt, die 4. Für alles andere die 5. Wenn jemand in Gefahr oder verletzt ist, drücken Sie die 9.',
    topicSpeech: 'Sie können mir auch in wenigen Worten sagen, warum Sie anrufen.',
    notAnOption: 'Diese Auswahl gibt es leider nicht.',
    noInput: 'Das habe ich leider nicht verstanden.',
    bookingAsk:
      'Bitte geben Sie Ihre 10-stellige Buchungsnummer ein und drücken Sie dann die Rautetaste. Wenn Sie keine Buchungsnummer haben, drücken Sie nur die Rautetaste.',
    bookingInvalid: 'Die Buchungsnummer {ref} ist ungültig.',
    bookingAgain: 'Bitte geben Sie sie erneut ein und drücken Sie dann die Rautetaste.',
    pinAsk: 'Bitte geben Sie die 4-stellige PIN Ihrer Buchung ein.',
    pinNoMatch: 'Buchungsnummer und PIN passen nicht zusammen.',
    notVerified: 'Wir konnten Ihre Buchung nicht bestätigen. Ein Mitarbeiter hilft Ihnen weiter.',
    agentOrHangUp:
      'Um mit einem Mitarbeiter zu sprechen, drücken Sie die 1. Andernfalls können Sie jetzt auflegen.',
    caseNumber: 'Ihre Fallnummer lautet {case}.',
    connecting: 'Bitte bleiben Sie dran, wir verbinden Sie mit unserem Team.',
    wait: 'Die voraussichtliche Wartezeit beträgt etwa {wait}.',
    waitSoon: 'Gleich ist ein Mitarbeiter für Sie da.',
    position: 'Sie sind Nummer {n} in der Warteschlange.',
    emergency:
      'Wenn jemand in Gefahr oder verletzt ist, legen Sie jetzt auf und rufen Sie den örtlichen Notruf an: 112 in Europa. Um mit unserem Team über Ihre Buchung zu sprechen, bleiben Sie in der Leitung.',
    callbackOffer: 'Um zurückgerufen zu werden, statt zu warten, drücken Sie die 1.',
    callbackOfferBusy:
      'Wir sind gerade sehr stark ausgelastet. Um Ihren Platz in der Warteschlange zu behalten und zurückgerufen zu werden, statt zu warten, drücken Sie die 1.',
    callbackConfirm: 'Wir rufen Sie unter der Nummer mit den Endziffern {digits} zurück. Auf Wiederhören.',
    holdOn: 'Bitte bleiben Sie dran, wir verbinden Sie mit einem Mitarbeiter.',
    busy: 'Alle Leitungen sind besetzt. Bitte rufen Sie später wieder an. Auf Wiederhören.',
    goodbye: 'Vielen Dank für Ihren Anruf. Auf Wiederhören.',
  },
  es: {
    name: 'Español',
    greeting: 'Bienvenido al servicio de atención al cliente.',
    greetingLoyalty: 'Bienvenido a la línea para nuestros miembros del programa de fidelidad.',
    languageOption: 'Para español, pulse {digit}.',
    languageStay: 'Para continuar en español, permanezca en línea.',
    topicMenu:
      'Para modificar una reserva, pulse 1. Para cancelar una reserva, pulse 2. Para un reembolso o un pago, pulse 3. Si está en el alojamiento y hay un problema, pulse 4. Para cualquier otra consulta, pulse 5. Si alguien está en peligro o herido, pulse 9.',
    topicSpeech: 'También puede decirme en pocas palabras por qué llama.',
    notAnOption: 'Lo siento, esa opción no existe.',
    noInput: 'Lo siento, no le he entendido.',
    bookingAsk:
      'Introduzca su número de reserva de 10 dígitos y pulse la tecla almohadilla. Si no tiene número de reserva, pulse solo la tecla almohadilla.',
    bookingInvalid: 'El número de reserva {ref} no es válido.',
    bookingAgain: 'Introdúzcalo de nuevo y pulse la tecla almohadilla.',
    pinAsk: 'Introduzca el PIN de 4 dígitos de su reserva.',
    pinNoMatch: 'El número de reserva y el PIN no coinciden.',
    notVerified: 'No hemos podido verificar su reserva. Un agente le ayudará.',
    agentOrHangUp: 'Para hablar con un agente, pulse 1. Si no, puede colgar ahora.',
    caseNumber: 'Su número de caso es {case}.',
    connecting: 'No cuelgue, le estamos comunicando con nuestro equipo.',
    wait: 'La espera prevista es de aproximadamente {wait}.',
    waitSoon: 'Un agente le atenderá en breve.',
    position: 'Es usted el número {n} en la cola.',
    emergency:
      'Si alguien está en peligro o herido, cuelgue ahora y llame a los servicios de emergencia locales: el 112 en Europa. Para hablar de su reserva con nuestro equipo, permanezca en línea.',
    callbackOffer: 'Para que le llamemos en lugar de esperar, pulse 1.',
    callbackOfferBusy:
      'Ahora mismo tenemos mucha demanda. Para conservar su lugar en la cola y que le llamemos en lugar de esperar, pulse 1.',
    callbackConfirm: 'Le llamaremos al número que termina en {digits}. Adiós.',
    holdOn: 'No cuelgue, le estamos comunicando con un agente.',
    busy: 'Todas nuestras líneas están ocupadas. Vuelva a llamar más tarde. Adiós.',
    goodbye: 'Gracias por su llamada. Adiós.',
  },
  it: {
    name: 'Italiano',
    greeting: 'Benvenuti al servizio clienti.',
    greetingLoyalty: 'Benvenuti sulla linea dedicata ai nostri membri fedeltà.',
    languageOption: 'Per l’italiano, prema {digit}.',
    languageStay: 'Per continuare in italiano, resti in linea.',
    topicMenu:
      'Per modificare una prenotazione, prema 1. Per annullare una prenotazione, prema 2. Per un rimborso o un pagamento, prema 3. Se si trova nella struttura e c’è un problema, prema 4. Per qualsiasi altra richiesta, prema 5. Se qualcuno è in pericolo o ferito, prema 9.',
    topicSpeech: 'Può anche dirmi in poche parole perché chiama.',
    notAnOption: 'Mi dispiace, questa scelta non esiste.',
    noInput: 'Mi dispiace, non ho capito.',
    bookingAsk:
      'Digiti il numero di prenotazione di 10 cifre, poi il tasto cancelletto. Se non ha un numero di prenotazione, prema solo il tasto cancelletto.',
    bookingInvalid: 'Il numero di prenotazione {ref} non è valido.',
    bookingAgain: 'Lo digiti di nuovo, poi il tasto cancelletto.',
    pinAsk: 'Digiti il PIN di 4 cifre della prenotazione.',
    pinNoMatch: 'Il numero di prenotazione e il PIN non corrispondono.',
    notVerified: 'Non siamo riusciti a verificare la prenotazione. Un operatore la aiuterà.',
    agentOrHangUp: 'Per parlare con un operatore, prema 1. Altrimenti può riagganciare.',
    caseNumber: 'Il numero della sua pratica è {case}.',
    connecting: 'Resti in linea, la stiamo mettendo in contatto con il nostro team.',
    wait: 'L’attesa prevista è di circa {wait}.',
    waitSoon: 'Un operatore le risponderà a breve.',
    position: 'Lei è il numero {n} in coda.',
    emergency:
      'Se qualcuno è in pericolo o ferito, riagganci e chiami i servizi di emergenza locali: il 112 in Europa. Per parlare della prenotazione con il nostro team, resti in linea.',
    callbackOffer: 'Per essere richiamato invece di attendere, prema 1.',
    callbackOfferBusy:
      'In questo momento siamo molto impegnati. Per mantenere il suo posto in coda ed essere richiamato invece di attendere, prema 1.',
    callbackConfirm: 'La richiameremo al numero che termina con {digits}. Arrivederci.',
    holdOn: 'Resti in linea, la stiamo mettendo in contatto con un operatore.',
    busy: 'Tutte le linee sono occupate. La preghiamo di richiamare più tardi. Arrivederci.',
    goodbye: 'Grazie per la chiamata. Arrivederci.',
  },
  pt: {
    name: 'Português',
    greeting: 'Bem-vindo ao atendimento ao cliente.',
    greetingLoyalty: 'Bem-vindo à linha dos nossos membros do programa de fidelidade.',
    languageOption: 'Para português, digite {digit}.',
    languageStay: 'Para continuar em português, permaneça na linha.',
    topicMenu:
      'Para alterar uma reserva, digite 1. Para cancelar uma reserva, digite 2. Para reembolso ou pagamento, digite 3. Se você está na hospedagem e há um problema, digite 4. Para outros assuntos, digite 5. Se alguém estiver em perigo ou ferido, digite 9.',
    topicSpeech: 'Você também pode me dizer em poucas palavras por que está ligando.',
    notAnOption: 'Desculpe, essa opção não existe.',
    noInput: 'Desculpe, não entendi.',
    bookingAsk:
      'Digite o número da sua reserva, com 10 dígitos, e depois a tecla cerquilha. Se não tiver número de reserva, digite só a tecla cerquilha.',
    bookingInvalid: 'O número de reserva {ref} não é válido.',
    bookingAgain: 'Digite-o novamente e depois a tecla cerquilha.',
    pinAsk: 'Digite o PIN de 4 dígitos da sua reserva.',
    pinNoMatch: 'O número da reserva e o PIN não correspondem.',
    notVerified: 'Não conseguimos verificar a sua reserva. Um atendente vai ajudar você.',
    agentOrHangUp: 'Para falar com um atendente, digite 1. Caso contrário, pode desligar agora.',
    caseNumber: 'O número do seu atendimento é {case}.',
    connecting: 'Aguarde, estamos transferindo você para a nossa equipe.',
    wait: 'A espera prevista é de cerca de {wait}.',
    waitSoon: 'Um atendente falará com você em instantes.',
    position: 'Você é o número {n} na fila.',
    emergency:
      'Se alguém estiver em perigo ou ferido, desligue agora e ligue para os serviços de emergência locais: 190 ou 192 no Brasil, 112 na Europa. Para falar sobre a sua reserva com a nossa equipe, permaneça na linha.',
    callbackOffer: 'Para receber uma ligação de volta em vez de esperar, digite 1.',
    callbackOfferBusy:
      'Estamos com muita procura neste momento. Para manter o seu lugar na fila e receber uma ligação de volta em vez de esperar, digite 1.',
    callbackConfirm: 'Ligaremos de volta para o número terminado em {digits}. Até logo.',
    holdOn: 'Aguarde, estamos transferindo você para um atendente.',
    busy: 'Todas as nossas linhas estão ocupadas. Ligue novamente mais tarde. Até logo.',
    goodbye: 'Obrigado pela ligação. Até logo.',
  },
  nl: {
    name: 'Nederlands',
    greeting: 'Welkom bij de klantenservice.',
    greetingLoyalty: 'Welkom op de lijn voor onze loyaliteitsleden.',
    languageOption: 'Voor Nederlands, toets {digit}.',
    languageStay: 'Om in het Nederlands verder te gaan, blijft u aan de lijn.',
    topicMenu:
      'Om een boeking te wijzigen, toets 1. Om een boeking te annuleren, toets 2. Voor een terugbetaling of een betaling, toets 3. Bent u bij de accommodatie en is er een probleem, toets 4. Voor iets anders, toets 5. Is iemand in gevaar of gewond, toets 9.',
    topicSpeech: 'U kunt ook in een paar woorden zeggen waarom u belt.',
    notAnOption: 'Sorry, die keuze bestaat niet.',
    noInput: 'Sorry, dat heb ik niet begrepen.',
    bookingAsk:
      'Toets uw boekingsnummer van 10 cijfers in, gevolgd door het hekje. Heeft u geen boekingsnummer, toets dan alleen het hekje.',
    bookingInvalid: 'Het boekingsnummer {ref} is niet geldig.',
    bookingAgain: 'Toets het opnieuw in, gevolgd door het hekje.',
    pinAsk: 'Toets de pincode van 4 cijfers van uw boeking in.',
    pinNoMatch: 'Het boekingsnummer en de pincode horen niet bij elkaar.',
    notVerified: 'We konden uw boeking niet controleren. Een medewerker helpt u verder.',
    agentOrHangUp: 'Om een medewerker te spreken, toets 1. Anders kunt u nu ophangen.',
    caseNumber: 'Uw dossiernummer is {case}.',
    connecting: 'Een moment geduld, we verbinden u met ons team.',
    wait: 'De verwachte wachttijd is ongeveer {wait}.',
    waitSoon: 'Zo dadelijk helpt een medewerker u.',
    position: 'U bent nummer {n} in de wachtrij.',
    emergency:
      'Is iemand in gevaar of gewond? Hang dan nu op en bel de lokale hulpdiensten: 112 in Europa. Om met ons team over uw boeking te praten, blijft u aan de lijn.',
    callbackOffer: 'Wilt u liever teruggebeld worden dan wachten, toets 1.',
    callbackOfferBusy:
      'Het is nu erg druk. Wilt u uw plaats in de wachtrij houden en teruggebeld worden in plaats van te wachten, toets 1.',
    callbackConfirm: 'We bellen u terug op het nummer dat eindigt op {digits}. Tot ziens.',
    holdOn: 'Een moment geduld, we verbinden u met een medewerker.',
    busy: 'Al onze lijnen zijn bezet. Belt u later nog eens. Tot ziens.',
    goodbye: 'Bedankt voor uw oproep. Tot ziens.',
  },
  ...IVR_PROMPTS_ZH_RU_ID,
};
