import { describe, expect, it } from 'vitest';
import { ageAt, isValidDate, referenceDateOfMonth } from './dates';

describe('yyyymmdd validity', () => {
  it('follows the Gregorian leap-year rule', () => {
    expect(isValidDate(20240229)).toBe(true);
    expect(isValidDate(20230229)).toBe(false);
    expect(isValidDate(20000229)).toBe(true);
    expect(isValidDate(19000229)).toBe(false);
  });
  it('rejects impossible months, days and years', () => {
    for (const d of [20241301, 20240001, 20240100, 20240431, 0, 99999999 + 1, -20240101, 2024010.5]) {
      expect(isValidDate(d)).toBe(false);
    }
    expect(isValidDate(99991231)).toBe(true);
    expect(isValidDate(10101)).toBe(true);
  });
});

describe('age at a reference date', () => {
  it('counts a year on the birthday, not before', () => {
    expect(ageAt(19800301, 20250301)).toBe(45);
    expect(ageAt(19800302, 20250301)).toBe(44);
    expect(ageAt(20250302, 20250301)).toBe(-1);
  });
});

describe('reference date of a month', () => {
  it('is the first day of startMonth + m − 1', () => {
    expect(referenceDateOfMonth(202501, 1)).toBe(20250101);
    expect(referenceDateOfMonth(202511, 3)).toBe(20260101);
    expect(referenceDateOfMonth(202412, 14)).toBe(20260101);
  });
});
