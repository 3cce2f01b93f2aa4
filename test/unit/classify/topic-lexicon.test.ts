import { describe, expect, it } from 'vitest';
import { fold } from '../../../functions/domain/classify/normalise';
import { lexiconFeatures } from '../../../functions/domain/classify/topic-lexicon';

const cues = (text: string) => lexiconFeatures(fold(text));

describe('topic cue lexicon', () => {
  it('matches a stem at the start of longer words, with or without accents', () => {
    expect(cues('toujours pas remboursé')).toContain('lex:refund');
    expect(cues('toujours pas rembourse')).toContain('lex:refund');
    expect(cues('Rückerstattung')).toContain('lex:refund');
  });

  it('matches cues of several words only in order', () => {
    expect(cues('we are standing at the front desk')).toContain('lexm:arrival_problem');
    expect(cues('the desk at the front')).not.toContain('lexm:arrival_problem');
  });

  it('keeps whole-word cues whole', () => {
    // "pet=" is a whole word: "petit" is not a pet
    expect(cues('petit')).not.toContain('lex:add_service');
    expect(cues('can I bring my pet')).toContain('lex:add_service');
  });

  it('counts a cancel cue after a negation against cancelling, not a refund cue', () => {
    expect(cues('not cancel')).toContain('neg:cancel_booking');
    expect(cues('not cancel')).not.toContain('lex:cancel_booking');
    expect(cues('I was not refunded')).toContain('lex:refund');
  });

  it('finds Chinese cues inside a run of characters', () => {
    expect(cues('我要取消订单')).toContain('lex:cancel_booking');
    expect(cues('不是取消，是改期')).toContain('neg:cancel_booking');
    expect(cues('不是取消，是改期')).toContain('lex:change_booking');
  });
});
