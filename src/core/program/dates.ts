/** yyyymmdd dates and whole-year ages for the mortality lookup (docs/allocation-formula.md, "Mortality rate"). */

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A yyyymmdd integer with year 1..9999 naming a day of the proleptic Gregorian calendar. */
export function isValidDate(d: number): boolean {
  if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) return false;
  const y = Math.floor(d / 10000);
  const m = Math.floor(d / 100) % 100;
  const day = d % 100;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || day < 1) return false;
  return day <= daysInMonth(y, m);
}

/** Whole years from `dob` to `ref` (both valid yyyymmdd), unclamped: negative when born after `ref`. */
export function ageAt(dob: number, ref: number): number {
  const before = ref % 10000 < dob % 10000 ? 1 : 0;
  return Math.floor(ref / 10000) - Math.floor(dob / 10000) - before;
}

/**
 * The reference date of month `m` (1-based): the first day of calendar month `startMonth + m − 1`, where
 * `startMonth` is yyyymm.
 */
export function referenceDateOfMonth(startMonth: number, m: number): number {
  if (!Number.isInteger(startMonth) || !Number.isInteger(m) || m < 1) throw new RangeError('bad month');
  const index = Math.floor(startMonth / 100) * 12 + ((startMonth % 100) - 1) + (m - 1);
  return Math.floor(index / 12) * 10000 + ((index % 12) + 1) * 100 + 1;
}
