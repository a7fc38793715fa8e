/**
 * WebAssembly text of the Poseidon permutation over the BN254 scalar field, in circomlib's optimised form
 * (poseidon_opt: sparse partial-round matrices, eprint 2019/458 appendix B). Field elements are 9 little-endian
 * 29-bit limbs (one u32 each) in Montgomery form (R = 2²⁶¹), kept below 2r; multiplication is Montgomery with
 * delayed carries, fully unrolled on i64 locals; each row of a matrix product is summed unreduced and reduced once.
 * Widths t = 2..17 (circomlib's); matrix rows are summed seven products per reduction. The module imports nothing and
 * exports its memory, toMontgomery, fromMontgomery, permute and hashMany (inputs and outputs as 4 little-endian 64-bit
 * words per element, optionally with the capacity element given); see poseidon-fast.ts for the layout.
 */

/** The BN254 scalar field order r (circom's default prime). */
export const FIELD = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** Limbs per element, bits per limb, bytes per element in memory (9 × u32). */
export const LIMBS = 9;
export const LIMB_BITS = 29;
export const ELEMENT_BYTES = 4 * LIMBS;
/** Montgomery radix R = 2^(9·29) = 2²⁶¹. */
export const MONTGOMERY_R = 1n << BigInt(LIMBS * LIMB_BITS);

/** Fixed scratch addresses; OUT and STATE hold the widest state, t = 17 (circomlib's Poseidon takes up to 16 inputs). */
export const LAYOUT = { R2: 0, ONE: 64, T1: 128, T2: 192, ACC: 256, OUT: 384, STATE: 1024, WIDE: 1664, CONSTANTS: 2048 } as const;
/** Columns of the double-width accumulator at LAYOUT.WIDE (i64 each). */
const WIDE_COLUMNS = 2 * LIMBS;

const MASK = `(i64.const ${(1n << BigInt(LIMB_BITS)) - 1n})`;
const limbs = (v: bigint): bigint[] => Array.from({ length: LIMBS }, (_, i) => (v >> BigInt(LIMB_BITS * i)) & ((1n << BigInt(LIMB_BITS)) - 1n));
const N = limbs(FIELD);
const TWO_N = limbs(2n * FIELD);
/** −r⁻¹ mod 2²⁹ */
const N0INV = (() => {
  const m = 1n << BigInt(LIMB_BITS);
  let inv = 1n;
  for (let i = 0; i < 6; i++) inv = (inv * (2n - N[0]! * inv)) % m;
  return (m - ((inv % m) + m) % m) % m;
})();

const get = (name: string): string => `(local.get $${name})`;
const set = (name: string, expr: string): string => `(local.set $${name} ${expr})`;
const lo = (expr: string): string => `(i64.and ${expr} ${MASK})`;
const hi = (expr: string): string => `(i64.shr_u ${expr} (i64.const ${LIMB_BITS}))`;
const c64 = (v: bigint): string => `(i64.const ${v})`;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const load = (ptr: string, j: number): string => `(i64.load32_u offset=${4 * j} (local.get $${ptr}))`;
const store = (j: number, expr: string): string => `(i64.store32 offset=${4 * j} (local.get $o) ${expr})`;

const LOCALS = ['x', 'c', 'm', 'bw', 'bi', ...range(LIMBS + 1).map((j) => `t${j}`), ...range(LIMBS).map((j) => `a${j}`), ...range(LIMBS).map((j) => `d${j}`), ...range(WIDE_COLUMNS).map((j) => `u${j}`)]
  .map((n) => `(local $${n} i64)`).join(' ');

/** Carry-propagates the limbs (locals named by `name`, t0..t8 by default) into 29-bit limbs. */
function normalize(name: (j: number) => string = (j) => `t${j}`): string[] {
  const out: string[] = [set('c', c64(0n))];
  for (const j of range(LIMBS)) {
    out.push(set('x', `(i64.add ${get(name(j))} ${get('c')})`), set(name(j), lo(get('x'))), set('c', hi(get('x'))));
  }
  return out;
}

/**
 * o = a·b·R⁻¹ mod r, up to one r: operand-scanning Montgomery with delayed carries (each 64-bit column takes at
 * most 18 products below 2⁵⁸). Inputs below 2r give an output below r + 2²⁴⁸ < 2r, so no final subtraction.
 */
function mulFunction(): string {
  // Logical column j of iteration i lives in local t[(i + j) mod 10]: shifting the window renames, never moves.
  const col = (i: number, j: number): string => `t${(i + j) % (LIMBS + 1)}`;
  const body: string[] = range(LIMBS).map((j) => set(`a${j}`, load('a', j)));
  for (const i of range(LIMBS)) {
    body.push(set('bi', load('b', i)));
    for (const j of range(LIMBS)) {
      const product = `(i64.mul ${get(`a${j}`)} ${get('bi')})`;
      // Column 8 is fresh in every iteration (and every column in the first).
      body.push(set(col(i, j), i === 0 || j === LIMBS - 1 ? product : `(i64.add ${get(col(i, j))} ${product})`));
    }
    body.push(set('m', lo(`(i64.mul ${lo(get(col(i, 0)))} ${c64(N0INV)})`)));
    for (const j of range(LIMBS)) body.push(set(col(i, j), `(i64.add ${get(col(i, j))} (i64.mul ${get('m')} ${c64(N[j]!)}))`));
    // Column 0 is now divisible by 2²⁹: its high part carries into column 1, which becomes the next column 0.
    body.push(set(col(i, 1), `(i64.add ${get(col(i, 1))} ${hi(get(col(i, 0)))})`));
  }
  const result = (j: number): string => col(LIMBS, j);
  body.push(...normalize(result), ...range(LIMBS).map((j) => store(j, get(result(j)))));
  return `(func $mul (param $o i32) (param $a i32) (param $b i32) ${LOCALS}\n  ${body.join('\n  ')})`;
}

/**
 * WIDE += a·b without reduction (81 products into 17 columns). A sum of up to 7 such products, each column below
 * 63·2⁵⁸ < 2⁶⁴, is reduced once by $redc: Montgomery reduction is linear, so Σ REDC(aᵢbᵢ) ≡ REDC(Σ aᵢbᵢ).
 */
function maccFunction(): string {
  const body: string[] = [...range(LIMBS).map((j) => set(`a${j}`, load('a', j))), ...range(LIMBS).map((j) => set(`d${j}`, load('b', j)))];
  for (const k of range(WIDE_COLUMNS - 1)) {
    const terms = range(LIMBS).filter((j) => k - j >= 0 && k - j < LIMBS).map((j) => `(i64.mul ${get(`a${j}`)} ${get(`d${k - j}`)})`);
    const sum = terms.reduce((acc, term) => `(i64.add ${acc} ${term})`, `(i64.load offset=${8 * k} (i32.const ${LAYOUT.WIDE}))`);
    body.push(`(i64.store offset=${8 * k} (i32.const ${LAYOUT.WIDE}) ${sum})`);
  }
  return `(func $macc (param $a i32) (param $b i32) ${LOCALS}\n  ${body.join('\n  ')})`;
}

/** o = REDC(WIDE) = WIDE·R⁻¹ mod r, below 2r when WIDE < 7·(2r)²; clears WIDE for the next sum. */
function redcFunction(): string {
  const u = (k: number): string => `u${k}`;
  const body: string[] = range(WIDE_COLUMNS).map((k) => set(u(k), k < WIDE_COLUMNS - 1 ? `(i64.load offset=${8 * k} (i32.const ${LAYOUT.WIDE}))` : c64(0n)));
  body.push(...range(WIDE_COLUMNS - 1).map((k) => `(i64.store offset=${8 * k} (i32.const ${LAYOUT.WIDE}) (i64.const 0))`));
  // Normalise to 29-bit limbs first, so the reduction's products cannot overflow a column.
  body.push(set('c', c64(0n)));
  for (const k of range(WIDE_COLUMNS)) body.push(set('x', `(i64.add ${get(u(k))} ${get('c')})`), set(u(k), lo(get('x'))), set('c', hi(get('x'))));
  for (const i of range(LIMBS)) {
    body.push(set('m', lo(`(i64.mul ${lo(get(u(i)))} ${c64(N0INV)})`)));
    for (const j of range(LIMBS)) body.push(set(u(i + j), `(i64.add ${get(u(i + j))} (i64.mul ${get('m')} ${c64(N[j]!)}))`));
    body.push(set(u(i + 1), `(i64.add ${get(u(i + 1))} ${hi(get(u(i)))})`));
  }
  const result = (j: number): string => u(LIMBS + j);
  body.push(...normalize(result), ...range(LIMBS).map((j) => store(j, get(result(j)))));
  return `(func $redc (param $o i32) ${LOCALS}\n  ${body.join('\n  ')})`;
}

/** o (9 limbs) from 4 little-endian 64-bit words at w: the form JavaScript writes with a BigUint64Array. */
function fromWordsFunction(): string {
  const body: string[] = range(4).map((k) => set(`d${k}`, `(i64.load offset=${8 * k} (local.get $w))`));
  for (const j of range(LIMBS)) {
    const bit = LIMB_BITS * j;
    const [w, o] = [bit >> 6, bit & 63];
    let expr = `(i64.shr_u ${get(`d${w}`)} (i64.const ${o}))`;
    if (o + LIMB_BITS > 64 && w + 1 < 4) expr = `(i64.or ${expr} (i64.shl ${get(`d${w + 1}`)} (i64.const ${64 - o})))`;
    body.push(store(j, lo(expr)));
  }
  return `(func $fromWords (param $o i32) (param $w i32) ${LOCALS}\n  ${body.join('\n  ')})`;
}

/** 4 little-endian 64-bit words at w from the 9 normalised limbs at a. */
function toWordsFunction(): string {
  const body: string[] = range(LIMBS).map((j) => set(`a${j}`, load('a', j)));
  for (const w of range(4)) {
    const parts = range(LIMBS).flatMap((j) => {
      const shift = LIMB_BITS * j - 64 * w;
      if (shift >= 64 || shift + LIMB_BITS <= 0) return [];
      return [shift >= 0 ? `(i64.shl ${get(`a${j}`)} (i64.const ${shift}))` : `(i64.shr_u ${get(`a${j}`)} (i64.const ${-shift}))`];
    });
    body.push(`(i64.store offset=${8 * w} (local.get $w) ${parts.reduce((acc, x) => `(i64.or ${acc} ${x})`)})`);
  }
  return `(func $toWords (param $w i32) (param $a i32) ${LOCALS}\n  ${body.join('\n  ')})`;
}

/** o = a + b, reduced below 2r; inputs below 2r. */
function addFunction(): string {
  const body: string[] = range(LIMBS).map((j) => set(`t${j}`, `(i64.add ${load('a', j)} ${load('b', j)})`));
  body.push(...normalize(), set('bw', c64(0n)));
  for (const j of range(LIMBS)) {
    body.push(set('x', `(i64.sub (i64.sub ${get(`t${j}`)} ${c64(TWO_N[j]!)}) ${get('bw')})`));
    body.push(set(`d${j}`, lo(get('x'))), set('bw', `(i64.shr_u ${get('x')} (i64.const 63))`));
  }
  body.push(`(if (i64.eqz ${get('bw')}) (then ${range(LIMBS).map((j) => set(`t${j}`, get(`d${j}`))).join(' ')}))`);
  body.push(...range(LIMBS).map((j) => store(j, get(`t${j}`))));
  return `(func $add (param $o i32) (param $a i32) (param $b i32) ${LOCALS}\n  ${body.join('\n  ')})`;
}

const el = (base: string, index: string): string => `(i32.add ${base} (i32.mul ${index} (i32.const ${ELEMENT_BYTES})))`;
const forLoop = (v: string, limit: string, body: string): string =>
  `(local.set $${v} (i32.const 0)) (block $${v}_end (loop $${v}_loop (br_if $${v}_end (i32.ge_u (local.get $${v}) ${limit})) ${body} (local.set $${v} (i32.add (local.get $${v}) (i32.const 1))) (br $${v}_loop)))`;
const copy = (dst: string, src: string): string =>
  [0, 8, 16, 24].map((o) => `(i64.store offset=${o} ${dst} (i64.load offset=${o} ${src}))`).join(' ') + ` (i32.store offset=32 ${dst} (i32.load offset=32 ${src}))`;
const zero = (dst: string): string => [0, 8, 16, 24].map((o) => `(i64.store offset=${o} ${dst} (i64.const 0))`).join(' ') + ` (i32.store offset=32 ${dst} (i32.const 0))`;

const L = LAYOUT;
/** Products summed per $redc: 7 × 9·2⁵⁸ per column stays below 2⁶⁴ (see $macc). */
const MACC_CHUNK = 7;

/** The whole module. */
export function poseidonWat(): string {
  return `(module
 (memory (export "memory") 4)
 ${mulFunction()}
 ${addFunction()}
 ${maccFunction()}
 ${fromWordsFunction()}
 ${toWordsFunction()}
 ${redcFunction()}
 (func $sbox (param $p i32)
  (call $mul (i32.const ${L.T1}) (local.get $p) (local.get $p))
  (call $mul (i32.const ${L.T1}) (i32.const ${L.T1}) (i32.const ${L.T1}))
  (call $mul (local.get $p) (i32.const ${L.T1}) (local.get $p)))
 (func $sboxAll (param $s i32) (param $t i32) (local $i i32)
  ${forLoop('i', '(local.get $t)', `(call $sbox ${el('(local.get $s)', '(local.get $i)')})`)})
 (func $addConstants (param $s i32) (param $c i32) (param $t i32) (local $i i32)
  ${forLoop('i', '(local.get $t)', `(call $add ${el('(local.get $s)', '(local.get $i)')} ${el('(local.get $s)', '(local.get $i)')} ${el('(local.get $c)', '(local.get $i)')})`)})
 (func $dot (param $o i32) (param $a i32) (param $b i32) (param $n i32) (local $j i32) (local $k i32)
  ${zero('(local.get $o)')}
  (local.set $j (i32.const 0))
  (block $dot_end (loop $dot_loop (br_if $dot_end (i32.ge_u (local.get $j) (local.get $n)))
   (local.set $k (i32.const 0))
   (block $chunk_end (loop $chunk (br_if $chunk_end (i32.or (i32.ge_u (local.get $j) (local.get $n)) (i32.ge_u (local.get $k) (i32.const ${MACC_CHUNK}))))
    (call $macc ${el('(local.get $a)', '(local.get $j)')} ${el('(local.get $b)', '(local.get $j)')})
    (local.set $j (i32.add (local.get $j) (i32.const 1))) (local.set $k (i32.add (local.get $k) (i32.const 1))) (br $chunk)))
   (call $redc (i32.const ${L.T2}))
   (call $add (local.get $o) (local.get $o) (i32.const ${L.T2}))
   (br $dot_loop))))
 (func $mix (param $s i32) (param $m i32) (param $t i32) (local $i i32)
  ${forLoop('i', '(local.get $t)', `(call $dot ${el(`(i32.const ${L.OUT})`, '(local.get $i)')} ${el('(local.get $m)', '(i32.mul (local.get $i) (local.get $t))')} (local.get $s) (local.get $t))`)}
  ${forLoop('i', '(local.get $t)', copy(el('(local.get $s)', '(local.get $i)'), el(`(i32.const ${L.OUT})`, '(local.get $i)')))})
 (func $partial (param $s i32) (param $c i32) (param $sp i32) (param $t i32) (param $rounds i32) (local $r i32) (local $j i32) (local $row i32)
  ${forLoop('r', '(local.get $rounds)', `
   (call $sbox (local.get $s))
   (call $add (local.get $s) (local.get $s) ${el('(local.get $c)', '(local.get $r)')})
   (local.set $row ${el('(local.get $sp)', '(i32.mul (local.get $r) (i32.sub (i32.shl (local.get $t) (i32.const 1)) (i32.const 1)))')})
   (call $dot (i32.const ${L.ACC}) (local.get $row) (local.get $s) (local.get $t))
   (local.set $j (i32.const 1))
   (block $col_end (loop $col (br_if $col_end (i32.ge_u (local.get $j) (local.get $t)))
    (call $mul (i32.const ${L.T2}) ${el('(local.get $row)', '(i32.add (local.get $t) (i32.sub (local.get $j) (i32.const 1)))')} (local.get $s))
    (call $add ${el('(local.get $s)', '(local.get $j)')} ${el('(local.get $s)', '(local.get $j)')} (i32.const ${L.T2}))
    (local.set $j (i32.add (local.get $j) (i32.const 1))) (br $col)))
   ${copy('(local.get $s)', `(i32.const ${L.ACC})`)}`)})
 (func (export "toMontgomery") (param $p i32) (param $n i32) (local $i i32)
  ${forLoop('i', '(local.get $n)', `(call $mul ${el('(local.get $p)', '(local.get $i)')} ${el('(local.get $p)', '(local.get $i)')} (i32.const ${L.R2}))`)})
 (func (export "fromMontgomery") (param $p i32) (param $n i32) (local $i i32)
  ${forLoop('i', '(local.get $n)', `(call $mul ${el('(local.get $p)', '(local.get $i)')} ${el('(local.get $p)', '(local.get $i)')} (i32.const ${L.ONE}))`)})
 (func $permute (export "permute") (param $s i32) (param $t i32) (param $rp i32) (param $c i32) (param $sp i32) (param $m i32) (param $p i32) (local $r i32)
  (call $addConstants (local.get $s) (local.get $c) (local.get $t))
  ${forLoop('r', '(i32.const 3)', `(call $sboxAll (local.get $s) (local.get $t))
   (call $addConstants (local.get $s) ${el('(local.get $c)', '(i32.mul (i32.add (local.get $r) (i32.const 1)) (local.get $t))')} (local.get $t))
   (call $mix (local.get $s) (local.get $m) (local.get $t))`)}
  (call $sboxAll (local.get $s) (local.get $t))
  (call $addConstants (local.get $s) ${el('(local.get $c)', '(i32.shl (local.get $t) (i32.const 2))')} (local.get $t))
  (call $mix (local.get $s) (local.get $p) (local.get $t))
  (call $partial (local.get $s) ${el('(local.get $c)', '(i32.mul (i32.const 5) (local.get $t))')} (local.get $sp) (local.get $t) (local.get $rp))
  ${forLoop('r', '(i32.const 3)', `(call $sboxAll (local.get $s) (local.get $t))
   (call $addConstants (local.get $s) ${el('(local.get $c)', '(i32.add (i32.add (i32.mul (i32.const 5) (local.get $t)) (local.get $rp)) (i32.mul (local.get $r) (local.get $t)))')} (local.get $t))
   (call $mix (local.get $s) (local.get $m) (local.get $t))`)}
  (call $sboxAll (local.get $s) (local.get $t))
  (call $mix (local.get $s) (local.get $m) (local.get $t)))
 (func (export "hashMany") (param $in i32) (param $out i32) (param $count i32) (param $t i32) (param $rp i32) (param $c i32) (param $sp i32) (param $m i32) (param $p i32) (param $init i32) (local $k i32) (local $i i32) (local $src i32) (local $width i32)
  ;; Each row holds t − 1 inputs (state[0] = 0) or, with $init = 1, t values: the capacity element first.
  (local.set $width (i32.add (i32.sub (local.get $t) (i32.const 1)) (local.get $init)))
  ${forLoop('k', '(local.get $count)', `
   ${zero(`(i32.const ${L.STATE})`)}
   (local.set $src (i32.add (local.get $in) (i32.shl (i32.mul (local.get $k) (local.get $width)) (i32.const 5))))
   (local.set $i (i32.sub (i32.const 1) (local.get $init)))
   (block $in_end (loop $in_loop (br_if $in_end (i32.ge_u (local.get $i) (local.get $t)))
    (call $fromWords ${el(`(i32.const ${L.STATE})`, '(local.get $i)')} (i32.add (local.get $src) (i32.shl (i32.sub (i32.add (local.get $i) (local.get $init)) (i32.const 1)) (i32.const 5))))
    (call $mul ${el(`(i32.const ${L.STATE})`, '(local.get $i)')} ${el(`(i32.const ${L.STATE})`, '(local.get $i)')} (i32.const ${L.R2}))
    (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $in_loop)))
   (call $permute (i32.const ${L.STATE}) (local.get $t) (local.get $rp) (local.get $c) (local.get $sp) (local.get $m) (local.get $p))
   (call $mul (i32.const ${L.T1}) (i32.const ${L.STATE}) (i32.const ${L.ONE}))
   (call $toWords (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 5))) (i32.const ${L.T1}))`)})
)`;
}
