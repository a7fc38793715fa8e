/** yyyymmdd integer dates of the inputs table (proleptic Gregorian calendar; docs/allocation-formula.md §Mortality rate). */

export const MIN_BIRTH_YEAR = 1850;
export const MAX_BIRTH_YEAR = 2200;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `v` is yyyymmdd of a real calendar day with MIN_BIRTH_YEAR ≤ yyyy ≤ MAX_BIRTH_YEAR. */
export function isDate(v: number): boolean {
  if (!Number.isInteger(v)) return false;
  const year = Math.floor(v / 10_000);
  const month = Math.floor(v / 100) % 100;
  const day = v % 100;
  return year >= MIN_BIRTH_YEAR && year <= MAX_BIRTH_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
