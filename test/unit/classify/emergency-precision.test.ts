import { describe, expect, it } from 'vitest';
import { TravelClassifier } from '../../../functions/domain/classify/index';

const classifier = new TravelClassifier();

// Danger told by what happens, never by an emergency word: written for this test, in other words
// than the unseen-style set (test/fixtures/corpus/unseen), which is never tuned on.
describe('emergency told by what happens', () => {
  it.each([
    'the bathroom pipe just burst and water is flooding the corridor',
    'there are sparks and smoke coming from the socket next to the tv',
    'my son cut his hand on the broken glass, he is bleeding a lot',
    'a man we do not know was inside our room when we came back',
    'we smell gas in the hallway of the apartment',
    'on s est fait agresser dans la rue devant la résidence',
    'le plafond de la salle de bain fuit, l eau coule à flots du plafond',
    'meine Tochter ist die Treppe runtergefallen und hat sich den Kopf angeschlagen',
    'es riecht nach Gas im Treppenhaus',
    'alguien desconocido ha entrado en nuestra habitación esta noche',
    'mi marido se ha desmayado en el baño',
    'qualcuno sconosciuto ha provato ad aprire la porta della camera',
    'c è fumo che esce dalla presa della cucina',
    'meu filho desapareceu na piscina do hotel, não o encontramos',
    'fomos assaltados na saída do hotel',
    'er komt rook uit de meterkast',
    'ik ben overvallen voor de ingang',
    'сосед по коридору ломится и угрожает ножом',
    'ребенок упал с кровати и ударился головой, идет кровь',
    'ada orang tak dikenal masuk ke kamar kami tengah malam',
    'ibu saya pingsan di lobi',
    '房间里有烧焦的味道，插座在冒烟',
    '我们被困在电梯里了',
  ])('reads "%s" as an urgent emergency', (text) => {
    const result = classifier.classify({ text });
    expect(result.topic).toBe('emergency');
    expect(result.urgent).toBe(true);
  });
});

describe('never an emergency', () => {
  it.each([
    'help! I cannot find my booking confirmation anywhere',
    'Help please, the app keeps logging me out',
    'the room smelled of cigarette smoke, disgusting',
    'the smoke alarm beeped all night, nobody came to change the battery',
    'there is a water stain on the ceiling and the carpet is old',
    'I fell asleep early and woke up with a headache from the noise',
    'I do not know the door code for the building, can you send it?',
    'my account was hacked, someone booked rooms with it',
    'aidez-moi svp, je ne retrouve pas ma facture',
    'Hilfe, ich komme nicht in mein Kundenkonto',
    'ayuda, no me llega el correo de confirmación',
    'why did my status go from gold to silver? how do I get it back?',
    'Thanks a lot, everything worked out 👍',
    'Merci, tout est réglé !',
    'Danke, passt so',
    'muchas gracias, todo bien',
    'grazie, tutto a posto',
    'valeu, deu tudo certo',
    'top, bedankt!',
    'спасибо большое',
    'oke makasih ya',
    '谢谢，问题解决了',
  ])('does not read "%s" as an emergency', (text) => {
    const result = classifier.classify({ text });
    expect(result.topic).not.toBe('emergency');
  });
});

describe('thanks and goodbyes', () => {
  it.each([
    'Thanks a lot, everything worked out 👍',
    'Merci, tout est réglé !',
    'Danke, passt so',
    'muchas gracias, todo bien',
    'grazie, tutto a posto',
    'valeu, deu tudo certo',
    'top, bedankt!',
    'спасибо большое',
    'oke makasih ya',
    '谢谢，问题解决了',
  ])('reads "%s" as general, not urgent', (text) => {
    const result = classifier.classify({ text });
    expect(result.topic).toBe('general');
    expect(result.urgent).toBe(false);
  });

  it('keeps a thank-you that asks for something on its own topic', () => {
    const result = classifier.classify({ text: 'thanks, but the room is still dirty and nobody cleaned it' });
    expect(result.topic).toBe('complaint');
  });
});
