import { describe, expect, it, vi } from 'vitest';
import { byIdentity, byIdentityPair } from './by-identity';

describe('byIdentity', () => {
  it('derives once per input object and again for a new object with equal content', () => {
    const derive = vi.fn((list: number[]) => list.reduce((a, b) => a + b, 0));
    const sum = byIdentity(derive);
    const list = [1, 2, 3];
    expect(sum(list)).toBe(6);
    expect(sum(list)).toBe(6);
    expect(derive).toHaveBeenCalledTimes(1);
    expect(sum([1, 2, 3])).toBe(6);
    expect(derive).toHaveBeenCalledTimes(2);
  });

  it('keeps pairs apart: the same first input with another second input derives again', () => {
    const derive = vi.fn((a: number[], b: number[]) => [...a, ...b]);
    const concat = byIdentityPair(derive);
    const a = [1];
    const b = [2];
    expect(concat(a, b)).toEqual([1, 2]);
    expect(concat(a, b)).toBe(concat(a, b));
    expect(concat(a, [3])).toEqual([1, 3]);
    expect(derive).toHaveBeenCalledTimes(2);
  });
});
