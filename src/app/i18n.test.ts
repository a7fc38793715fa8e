import { describe, expect, it } from 'vitest';
import { STEP_ORDER, STEP_TEXT, t } from './i18n';

describe('step texts', () => {
  it('name every step the display order lists', () => {
    for (const s of STEP_ORDER) expect(STEP_TEXT[s].name.length, s).toBeGreaterThan(0);
  });
});

describe('when a message has parameters', () => {
  it('fills them, and leaves a missing one visible', () => {
    expect(t('common.month', { month: 3 })).toBe('Month 3');
    expect(t('common.month')).toBe('Month {month}');
  });
});
