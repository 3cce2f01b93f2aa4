import { describe, expect, it } from 'vitest';
import { parsePepperRing, pepperId } from '../../../functions/adapters/crypto/pepper-ring';

const A = 'pepper-aaaaaaaaaaaaaaaa';
const B = 'pepper-bbbbbbbbbbbbbbbb';
const C = 'pepper-cccccccccccccccc';

describe('parsePepperRing', () => {
  it('takes a bare secret as the one pepper, trimmed', () => {
    const ring = parsePepperRing(` ${A}\n`);
    expect(ring).toEqual({ current: { id: pepperId(A), key: A }, previous: [] });
  });

  it('takes a rotation as JSON, with one previous pepper or a list', () => {
    expect(parsePepperRing(JSON.stringify({ current: B, previous: A })).previous.map((p) => p.key)).toEqual([
      A,
    ]);
    const ring = parsePepperRing(JSON.stringify({ current: C, previous: [B, A] }));
    expect([ring.current.key, ...ring.previous.map((p) => p.key)]).toEqual([C, B, A]);
  });

  it('keeps a generated pepper that merely starts with "{" as a bare pepper', () => {
    expect(parsePepperRing(`{${A}`).current.key).toBe(`{${A}`);
  });

  it.each([
    ['a list as current', JSON.stringify({ current: [A] })],
    ['no current', JSON.stringify({ previous: A })],
    ['a number as previous', JSON.stringify({ current: A, previous: 7 })],
    ['an unknown key', JSON.stringify({ current: A, next: B })],
  ])('refuses JSON that is not a ring (%s), naming the shape', (_, secret) => {
    expect(() => parsePepperRing(secret)).toThrow('not {"current"');
  });

  it('refuses any pepper of the ring under 16 characters', () => {
    expect(() => parsePepperRing('short')).toThrow('at least 16 characters');
    expect(() => parsePepperRing(JSON.stringify({ current: A, previous: 'short' }))).toThrow('at least 16');
  });

  it('gives each pepper its own id, the same every time', () => {
    expect(pepperId(A)).toBe(pepperId(A));
    expect(pepperId(A)).not.toBe(pepperId(B));
    expect(pepperId(A)).toMatch(/^[\w-]{8}$/);
  });
});
