// Drey allocation program, ABI v1: the month's allocation of docs/allocation-formula.md in integer arithmetic.
// Exports and memory layout are specified in docs/program-abi.md. No imports, no allocator, no floats.

const ABI_VERSION: i32 = 1;
const Q: u64 = 1_000_000_000;
const HALF_Q: u32 = 500_000_000;
const LIMIT: u64 = 9_007_199_254_740_992; // 2^53: every allocation, deposit and total stays below it
const AGES: i32 = 121;
const MAX_AGE: i32 = 120;
const MAX_ROWS: i32 = 1_048_576;
const MAX_GEOGRAPHIES: i32 = 4096;
const PAGE: usize = 65536;

// Status codes returned by prepare() and run().
const OK: i32 = 0;
const E_SIZE: i32 = 1;
const E_DATE: i32 = 2;
const E_RATE: i32 = 3;
const E_DECEASED_DEPOSIT: i32 = 4;
const E_OVERFLOW: i32 = 5;
const E_FIELD: i32 = 6;
const E_RESERVE: i32 = 7;
const E_MEMORY: i32 = 8;

// Column ids accepted by column().
const COL_PREVIOUS: i32 = 0;
const COL_ALIVE: i32 = 1;
const COL_DEPOSIT: i32 = 2;
const COL_DOB: i32 = 3;
const COL_SEX: i32 = 4;
const COL_GEOGRAPHY: i32 = 5;
const COL_MORTALITY: i32 = 6;
const COL_NEW: i32 = 7;
const COL_Q: i32 = 8;
const COL_W: i32 = 9;
const COL_SHARE: i32 = 10;
const COL_TOTALS: i32 = 11;

let rows: i32 = 0;
let prevRows: i32 = 0;
let geographies: i32 = 0;
let prepared: bool = false;
let errorRow: i32 = -1;

let pPrevious: usize = 0;
let pAlive: usize = 0;
let pDeposit: usize = 0;
let pDob: usize = 0;
let pSex: usize = 0;
let pGeography: usize = 0;
let pMortality: usize = 0;
let pNew: usize = 0;
let pQ: usize = 0;
let pW: usize = 0;
let pShare: usize = 0;
let pTotals: usize = 0;

function align8(p: usize): usize {
  return (p + 7) & ~(<usize>7);
}

export function abi_version(): i32 {
  return ABI_VERSION;
}

/** Sizes the columns for `n` rows, `prev` previous allocations and `g` geographies; grows memory as needed. */
export function prepare(n: i32, prev: i32, g: i32): i32 {
  prepared = false;
  errorRow = -1;
  if (n < 1 || n > MAX_ROWS || prev < 0 || prev > n || g < 1 || g > MAX_GEOGRAPHIES) return E_SIZE;
  const un = <usize>n;
  let p = align8(__heap_base);
  pPrevious = p; p = align8(p + 8 * <usize>prev);
  pDeposit = p; p = align8(p + 8 * un);
  pNew = p; p = align8(p + 8 * un);
  pW = p; p = align8(p + 8 * un);
  pShare = p; p = align8(p + 8 * un);
  pTotals = p; p = align8(p + 8 * 3);
  pDob = p; p = align8(p + 4 * un);
  pQ = p; p = align8(p + 4 * un);
  pMortality = p; p = align8(p + 4 * <usize>g * 2 * <usize>AGES);
  pGeography = p; p = align8(p + 2 * un);
  pAlive = p; p = align8(p + un);
  pSex = p; p = align8(p + un);
  const needed = <i32>((p + PAGE - 1) / PAGE);
  const have = memory.size();
  if (needed > have && memory.grow(needed - have) < 0) return E_MEMORY;
  rows = n;
  prevRows = prev;
  geographies = g;
  prepared = true;
  return OK;
}

/** Byte offset of a column after prepare(), or -1 for an unknown id or before prepare(). */
export function column(id: i32): i32 {
  if (!prepared) return -1;
  switch (id) {
    case COL_PREVIOUS: return <i32>pPrevious;
    case COL_ALIVE: return <i32>pAlive;
    case COL_DEPOSIT: return <i32>pDeposit;
    case COL_DOB: return <i32>pDob;
    case COL_SEX: return <i32>pSex;
    case COL_GEOGRAPHY: return <i32>pGeography;
    case COL_MORTALITY: return <i32>pMortality;
    case COL_NEW: return <i32>pNew;
    case COL_Q: return <i32>pQ;
    case COL_W: return <i32>pW;
    case COL_SHARE: return <i32>pShare;
    case COL_TOTALS: return <i32>pTotals;
    default: return -1;
  }
}

/** Row (or mortality-table entry for a rate error) of the last run's first error; -1 when not item-specific. */
export function error_row(): i32 {
  return errorRow;
}

function daysInMonth(y: u32, m: u32): u32 {
  if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
  return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
}

/** A yyyymmdd date with year 1..9999 that exists in the proleptic Gregorian calendar. */
function validDate(d: u32): bool {
  const y = d / 10000;
  const m = (d / 100) % 100;
  const day = d % 100;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || day < 1) return false;
  return day <= daysInMonth(y, m);
}

/**
 * floor(a·b / d) exactly, for a, b < 2^64, d > 0 and a quotient below 2^64 (here a, b, d < 2^53 and the quotient is
 * at most a or b). The product is formed in 128 bits from 32-bit limbs; the 128-by-64 division is long division in
 * base 2^32 with a normalised divisor (Knuth, TAOCP vol. 2, 4.3.1, algorithm D), each quotient digit estimated from
 * the top limbs and corrected at most twice.
 */
function mulDiv(a: u64, b: u64, d: u64): u64 {
  const a0 = a & 0xffffffff;
  const a1 = a >> 32;
  const b0 = b & 0xffffffff;
  const b1 = b >> 32;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  const lo = (p00 & 0xffffffff) | (mid << 32);
  const hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  if (hi == 0) return lo / d;
  return divide128(hi, lo, d);
}

const B: u64 = 0x100000000;

/** floor((hi·2^64 + lo) / d) for hi < d (so the quotient fits in 64 bits). */
function divide128(hi: u64, lo: u64, d: u64): u64 {
  const s = clz<u64>(d);
  const v = d << s;
  const vn1 = v >> 32;
  const vn0 = v & 0xffffffff;
  const un32 = s == 0 ? hi : (hi << s) | (lo >> (64 - s));
  const un10 = lo << s;
  const un1 = un10 >> 32;
  const un0 = un10 & 0xffffffff;

  let q1 = un32 / vn1;
  let rhat = un32 - q1 * vn1;
  while (q1 >= B || q1 * vn0 > B * rhat + un1) {
    q1 -= 1;
    rhat += vn1;
    if (rhat >= B) break;
  }
  const un21 = un32 * B + un1 - q1 * v;

  let q0 = un21 / vn1;
  rhat = un21 - q0 * vn1;
  while (q0 >= B || q0 * vn0 > B * rhat + un0) {
    q0 -= 1;
    rhat += vn1;
    if (rhat >= B) break;
  }
  return q1 * B + q0;
}

function fail(code: i32, item: i32): i32 {
  errorRow = item;
  return code;
}

/** Computes the month for the reference date `ref` (yyyymmdd) over the prepared columns. */
export function run(ref: i32): i32 {
  errorRow = -1;
  if (!prepared) return E_SIZE;
  const uref = <u32>ref;
  if (ref < 0 || !validDate(uref)) return fail(E_DATE, -1);
  const yRef = <i32>(uref / 10000);
  const mmddRef = uref % 10000;

  const entries = geographies * 2 * AGES;
  for (let k: i32 = 0; k < entries; k++) {
    if (load<u32>(pMortality + 4 * <usize>k) > HALF_Q) return fail(E_RATE, k);
  }

  let total: u64 = 0;
  let bigF: u64 = 0;
  let bigW: u64 = 0;
  for (let i: i32 = 0; i < rows; i++) {
    const ui = <usize>i;
    const a: u64 = i < prevRows ? load<u64>(pPrevious + 8 * ui) : 0;
    const dep = load<u64>(pDeposit + 8 * ui);
    const alive = load<u8>(pAlive + ui);
    if (a >= LIMIT || dep >= LIMIT) return fail(E_OVERFLOW, i);
    if (alive > 1) return fail(E_FIELD, i);
    let q: u32 = 0;
    if (i == 0) {
      if (alive != 1 || dep != 0) return fail(E_RESERVE, 0);
    } else {
      const sex = <i32>load<u8>(pSex + ui);
      const geo = <i32>load<u16>(pGeography + 2 * ui);
      if (sex > 1 || geo >= geographies) return fail(E_FIELD, i);
      const dob = load<u32>(pDob + 4 * ui);
      if (!validDate(dob)) return fail(E_DATE, i);
      let age = yRef - <i32>(dob / 10000) - (mmddRef < dob % 10000 ? 1 : 0);
      if (age < 0) return fail(E_DATE, i);
      if (age > MAX_AGE) age = MAX_AGE;
      if (alive == 0 && dep != 0) return fail(E_DECEASED_DEPOSIT, i);
      q = load<u32>(pMortality + 4 * <usize>((geo * 2 + sex) * AGES + age));
    }
    total += a + dep;
    if (total >= LIMIT) return fail(E_OVERFLOW, i);
    let w: u64 = 0;
    if (alive == 1) {
      if (q != 0) w = mulDiv(a, <u64>q, Q - <u64>q);
    } else {
      bigF += a;
    }
    bigW += w;
    store<u32>(pQ + 4 * ui, q);
    store<u64>(pW + 8 * ui, w);
  }

  let shared: u64 = 0;
  for (let i: i32 = 0; i < rows; i++) {
    const ui = <usize>i;
    let s: u64 = 0;
    if (bigW > 0) {
      const w = load<u64>(pW + 8 * ui);
      if (w != 0) s = mulDiv(bigF, w, bigW);
    }
    shared += s;
    store<u64>(pShare + 8 * ui, s);
    const alive = load<u8>(pAlive + ui);
    const a: u64 = i < prevRows ? load<u64>(pPrevious + 8 * ui) : 0;
    store<u64>(pNew + 8 * ui, alive == 1 ? a + load<u64>(pDeposit + 8 * ui) + s : 0);
  }
  const rem = bigF - shared;
  store<u64>(pNew, load<u64>(pNew) + rem);
  store<u64>(pTotals, bigF);
  store<u64>(pTotals + 8, bigW);
  store<u64>(pTotals + 16, rem);
  return OK;
}
