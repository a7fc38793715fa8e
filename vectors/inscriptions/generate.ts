/**
 * Writes the hand-built ord edge cases (`cases/`) and the mutations of the real reveal transactions (`mutations/`).
 * Run: npx tsx vectors/inscriptions/generate.ts
 *
 * Every expected result is stated here from ord's rules (ordinals/ord `src/inscriptions/envelope.rs`, `tag.rs`,
 * `inscription.rs`, `inscription_id.rs`, `src/index/updater/inscription_updater.rs`, rust-bitcoin `Witness::tapscript`),
 * never computed by the parser under test. This script has its own minimal transaction codec and script assembler.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

const here = dirname(fileURLToPath(import.meta.url));

// ---------- bytes ----------
const sha256d = (b: Uint8Array): Uint8Array => sha256(sha256(b));
const txidOf = (nonWitness: Uint8Array): string => bytesToHex(sha256d(nonWitness).reverse());
const sha256Hex = (b: Uint8Array): string => bytesToHex(sha256(b));
const u32le = (n: number): Uint8Array => Uint8Array.of(n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255);
const u64le = (n: bigint): Uint8Array => Uint8Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(8 * i)) & 255n));
function varint(n: number): Uint8Array {
  if (n < 0xfd) return Uint8Array.of(n);
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 255, n >>> 8);
  return concatBytes(Uint8Array.of(0xfe), u32le(n));
}
const varbytes = (b: Uint8Array): Uint8Array => concatBytes(varint(b.length), b);
const text = (s: string): Uint8Array => utf8ToBytes(s);

// ---------- transactions ----------
interface TxIn { prevout: Uint8Array; scriptSig: Uint8Array; sequence: Uint8Array; witness: Uint8Array[] }
interface Tx { version: Uint8Array; inputs: TxIn[]; outputs: Uint8Array[]; locktime: Uint8Array }

function encodeTx(tx: Tx): { hex: string; txid: string } {
  const ins = concatBytes(varint(tx.inputs.length), ...tx.inputs.map((i) => concatBytes(i.prevout, varbytes(i.scriptSig), i.sequence)));
  const outs = concatBytes(varint(tx.outputs.length), ...tx.outputs);
  const wits = concatBytes(...tx.inputs.map((i) => concatBytes(varint(i.witness.length), ...i.witness.map(varbytes))));
  const full = concatBytes(tx.version, Uint8Array.of(0, 1), ins, outs, wits, tx.locktime);
  return { hex: bytesToHex(full), txid: txidOf(concatBytes(tx.version, ins, outs, tx.locktime)) };
}

/** Decoder for the real segwit vectors (enough for them; not a general parser). */
function decodeTx(hex: string): Tx {
  const b = hexToBytes(hex);
  let p = 0;
  const take = (n: number): Uint8Array => b.slice(p, (p += n));
  const vi = (): number => {
    const f = b[p++]!;
    if (f < 0xfd) return f;
    if (f === 0xfd) return b[p++]! | (b[p++]! << 8);
    const v = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
    p += 4;
    return v >>> 0;
  };
  const version = take(4);
  if (b[p] !== 0 || b[p + 1] !== 1) throw new Error('vector is not segwit');
  p += 2;
  const inputs: TxIn[] = Array.from({ length: vi() }, () => ({ prevout: take(36), scriptSig: take(vi()), sequence: take(4), witness: [] }));
  const outputs = Array.from({ length: vi() }, () => {
    const start = p;
    p += 8;
    const len = vi();
    p += len;
    return b.slice(start, p);
  });
  for (const i of inputs) i.witness = Array.from({ length: vi() }, () => take(vi()));
  const locktime = take(4);
  if (p !== b.length) throw new Error('trailing bytes');
  return { version, inputs, outputs, locktime };
}

const clone = (tx: Tx): Tx => ({
  version: tx.version.slice(), locktime: tx.locktime.slice(), outputs: tx.outputs.map((o) => o.slice()),
  inputs: tx.inputs.map((i) => ({ prevout: i.prevout.slice(), scriptSig: i.scriptSig.slice(), sequence: i.sequence.slice(), witness: i.witness.map((w) => w.slice()) })),
});

// ---------- scripts ----------
const OP = { FALSE: 0x00, PUSHDATA1: 0x4c, PUSHDATA2: 0x4d, NEG1: 0x4f, IF: 0x63, NOTIF: 0x64, ENDIF: 0x68, DROP: 0x75, NOP: 0x61, CHECKSIG: 0xac, SUCCESS187: 0xbb } as const;
const opN = (n: number): number => 0x50 + n;
type Piece = number | Uint8Array | { raw: Uint8Array };

/** Minimal pushes for byte strings (0 → OP_0), numbers are opcodes, `{raw}` is copied verbatim. */
function script(...pieces: Piece[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const x of pieces) {
    if (typeof x === 'number') parts.push(Uint8Array.of(x));
    else if (x instanceof Uint8Array) {
      if (x.length === 0) parts.push(Uint8Array.of(0));
      else if (x.length <= 75) parts.push(Uint8Array.of(x.length), x);
      else if (x.length <= 255) parts.push(Uint8Array.of(OP.PUSHDATA1, x.length), x);
      else parts.push(Uint8Array.of(OP.PUSHDATA2, x.length & 255, x.length >>> 8), x);
    } else parts.push(x.raw);
  }
  return concatBytes(...parts);
}
const ORD = text('ord');
const EMPTY = new Uint8Array(0);
const tag = (n: number): Uint8Array => Uint8Array.of(n);
const PK = new Uint8Array(32).fill(0x11);
const SIG = new Uint8Array(64).fill(0x22);
const CONTROL = concatBytes(Uint8Array.of(0xc0), new Uint8Array(32).fill(0x33));
const envelope = (...payload: Piece[]): Piece[] => [OP.FALSE, OP.IF, ORD, ...payload, OP.ENDIF];
const leaf = (...pieces: Piece[]): Uint8Array => script(PK, OP.CHECKSIG, ...pieces);

function prevout(n: number): Uint8Array {
  return concatBytes(new Uint8Array(32).fill(0xa0 + n), u32le(n));
}
function buildTx(witnesses: Uint8Array[][], prevouts?: Uint8Array[]): { hex: string; txid: string } {
  return encodeTx({
    version: u32le(2),
    inputs: witnesses.map((w, i) => ({ prevout: prevouts?.[i] ?? prevout(i), scriptSig: EMPTY, sequence: u32le(0xfffffffd), witness: w })),
    outputs: [concatBytes(u64le(10_000n), varbytes(concatBytes(Uint8Array.of(0x51, 0x20), new Uint8Array(32).fill(0x44))))],
    locktime: u32le(0),
  });
}
const scriptPath = (s: Uint8Array): Uint8Array[] => [SIG, s, CONTROL];
const prevoutKey = (n: number): string => `${bytesToHex(new Uint8Array(32).fill(0xa0 + n).reverse())}:${n}`;

// ---------- expectations ----------
type Flags = Partial<Record<'unrecognizedEvenField' | 'duplicateField' | 'incompleteField' | 'notInFirstInput' | 'notAtOffsetZero' | 'pointer' | 'pushnum' | 'stutter', boolean>> & {
  curse?: string | null; unbound?: boolean | null;
};
interface Expect {
  input: number; offset: number; contentType?: string | null; body?: string | null; bodyLength?: number | null; bodySha256?: string | null;
  pointer?: string | null; parents?: string[]; delegate?: string | null; metadata?: string | null; properties?: string | null;
  metaprotocol?: string | null; contentEncoding?: string | null; tags?: string[]; unknownTags?: string[]; flags?: Flags;
}
const CLEAN: Flags = {
  unrecognizedEvenField: false, duplicateField: false, incompleteField: false, notInFirstInput: false, notAtOffsetZero: false,
  pointer: false, pushnum: false, stutter: false, curse: null,
};
const flags = (over: Flags = {}): Flags => ({ ...CLEAN, ...over });
const hexText = (s: string): string => bytesToHex(text(s));

interface VectorFile {
  name: string; description: string; ord: string; microOrdinals?: string; source?: string; hex: string;
  prevoutValues?: Record<string, string>;
  expected: { error: string } | { txid: string; inscriptions: (Expect & { id: string })[] };
}

function withIds(txid: string, list: Expect[]): (Expect & { id: string })[] {
  return list.map((e, n) => ({ id: `${txid}i${n}`, ...e }));
}

const cases: VectorFile[] = [];
function addCase(name: string, description: string, ord: string, microOrdinals: string | undefined, witnesses: Uint8Array[][], expect: Expect[], extra: Partial<VectorFile> = {}): void {
  const { hex, txid } = extra.hex ? { hex: extra.hex, txid: (extra.expected as { txid: string }).txid } : buildTx(witnesses);
  const file: VectorFile = { name, description, ord, hex, expected: { txid, inscriptions: withIds(txid, expect) }, ...extra };
  if (microOrdinals) file.microOrdinals = microOrdinals;
  file.hex = hex;
  file.expected = { txid, inscriptions: withIds(txid, expect) };
  cases.push(file);
}

const CT = text('text/plain');

// ---------- hand-built cases (one per divergence and grammar rule) ----------
addCase('envelope-before-checksig', 'envelope placed before <pubkey> OP_CHECKSIG', 'parsed: envelopes may sit anywhere in the script',
  'undefined (expects the envelope after the checksig)',
  [scriptPath(script(...envelope(tag(1), CT, EMPTY, text('hi')), PK, OP.CHECKSIG))],
  [{ input: 0, offset: 0, contentType: 'text/plain', body: hexText('hi'), tags: ['contentType'], flags: flags({ unbound: null }) }]);

addCase('duplicate-content-type', 'content type tag twice ("text/" then "plain")', 'first value wins, duplicate_field',
  'concatenates to text/plain',
  [scriptPath(leaf(...envelope(tag(1), text('text/'), tag(1), text('plain'), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentType: 'text/', body: hexText('x'), flags: flags({ duplicateField: true, curse: 'DuplicateField' }) }]);

addCase('op0-inside-body', 'body pushes "ab", OP_0, "cd"', 'body is every push after the separator: "abcd"', 'body "ab"',
  [scriptPath(leaf(...envelope(tag(1), CT, EMPTY, text('ab'), EMPTY, text('cd'))))],
  [{ input: 0, offset: 0, contentType: 'text/plain', body: hexText('abcd'), flags: flags() }]);

addCase('empty-pointer-value', 'pointer tag with an empty value (OP_0 at the value position)', 'pointer 0; the field is present so the inscription is cursed (Pointer)',
  'throws "non-bytes tag data"',
  [scriptPath(leaf(...envelope(tag(2), EMPTY, EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentType: null, pointer: '0', body: hexText('x'), tags: ['pointer'], flags: flags({ pointer: true, curse: 'Pointer' }) }]);

addCase('no-body-separator', 'fields only, no empty push before OP_ENDIF', 'body None (not an empty body)', 'empty body',
  [scriptPath(leaf(...envelope(tag(1), CT)))],
  [{ input: 0, offset: 0, contentType: 'text/plain', body: null, bodyLength: null, bodySha256: null, flags: flags() }]);

addCase('empty-body', 'separator then nothing', 'empty body (length 0), distinct from no body', undefined,
  [scriptPath(leaf(...envelope(tag(1), CT, EMPTY)))],
  [{ input: 0, offset: 0, contentType: 'text/plain', body: '', bodyLength: 0, bodySha256: sha256Hex(EMPTY), flags: flags() }]);

addCase('tag-66-unbound', 'unknown even tag 66', 'unrecognized_even_field: cursed and unbound', 'goes to `unknown`, not flagged',
  [scriptPath(leaf(...envelope(tag(1), CT, tag(66), text('?'), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentType: 'text/plain', unknownTags: ['42'], flags: flags({ unrecognizedEvenField: true, curse: 'UnrecognizedEvenField', unbound: true }) }]);

addCase('tag-17-properties', 'properties (17) and property encoding (19), one chunk', 'properties field; odd tags are never unbound', 'goes to `unknown`',
  [scriptPath(leaf(...envelope(tag(1), CT, tag(17), Uint8Array.of(0xa1, 0x61, 0x74, 0x01), tag(19), text('br'), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, properties: 'a1617401', tags: ['contentType', 'properties', 'propertyEncoding'], unknownTags: [], flags: flags() }]);

addCase('chunked-metadata', 'metadata (5) in two chunks', 'chunks concatenated; the repeated tag still sets duplicate_field', undefined,
  [scriptPath(leaf(...envelope(tag(5), Uint8Array.of(0xa1, 0x61), tag(5), Uint8Array.of(0x61, 0x01), tag(1), CT, EMPTY, text('x'))))],
  [{ input: 0, offset: 0, metadata: 'a1616101', contentType: 'text/plain', tags: ['metadata', 'contentType'], flags: flags({ duplicateField: true, curse: 'DuplicateField' }) }]);

addCase('pointer-9-bytes-zero', '9-byte pointer whose 9th byte is 0', 'pointer 1 (bytes beyond 8 may be zero)', 'throws',
  [scriptPath(leaf(...envelope(tag(2), Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 0), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, pointer: '1', flags: flags({ pointer: true, curse: 'Pointer' }) }]);

addCase('pointer-9-bytes-nonzero', '9-byte pointer whose 9th byte is 1', 'pointer() is None, but the field is present: still cursed (Pointer)', 'throws',
  [scriptPath(leaf(...envelope(tag(2), Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 1), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, pointer: null, flags: flags({ pointer: true, curse: 'Pointer' }) }]);

addCase('pointer-short-u64', 'pointer 0x0201 written in 2 bytes (trailing zeros stripped)', 'pointer 513', undefined,
  [scriptPath(leaf(...envelope(tag(2), Uint8Array.of(1, 2), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, pointer: '513', flags: flags({ pointer: true, curse: 'Pointer' }) }]);

addCase('duplicate-pointer', 'pointer tag twice', 'first value wins; the leftover even tag also sets unrecognized_even_field (unbound)', undefined,
  [scriptPath(leaf(...envelope(tag(2), Uint8Array.of(5), tag(2), Uint8Array.of(6), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, pointer: '5', flags: flags({ pointer: true, duplicateField: true, unrecognizedEvenField: true, curse: 'UnrecognizedEvenField', unbound: true }) }]);

addCase('annex-witness', 'script-path witness with an annex (4 items: sig, script, control block, 0x50…)', 'tapscript is the third item from the end; parsed',
  'throws "Wrong witness"',
  [[SIG, leaf(...envelope(tag(1), CT, EMPTY, text('annex'))), CONTROL, Uint8Array.of(0x50, 0x01)]],
  [{ input: 0, offset: 0, contentType: 'text/plain', body: hexText('annex'), flags: flags() }]);

addCase('annex-two-items', 'witness [script, annex]: only the annex besides one item', 'after removing the annex it is a key-path spend: nothing', undefined,
  [[script(...envelope(tag(1), CT, EMPTY, text('x'))), Uint8Array.of(0x50)]], []);

addCase('key-path-spend', 'witness with one item holding envelope bytes', 'key-path spends are ignored', 'throws "Wrong witness"',
  [[script(...envelope(tag(1), CT, EMPTY, text('x')))]], []);

addCase('two-item-witness', 'witness [script, control block] with no signature', 'tapscript is the second item from the end; parsed', 'throws "Wrong witness"',
  [[script(...envelope(tag(1), CT, EMPTY, text('x'))), CONTROL]],
  [{ input: 0, offset: 0, contentType: 'text/plain', body: hexText('x'), flags: flags() }]);

addCase('pushnum', 'content type tag written as OP_1 instead of the push 01 01', 'OP_1 is item [1] and flags pushnum (cursed Pushnum)', undefined,
  [scriptPath(leaf(...envelope(opN(1), CT, EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentType: 'text/plain', body: hexText('x'), flags: flags({ pushnum: true, curse: 'Pushnum' }) }]);

addCase('pushnum-body', 'body pushed as OP_16 and OP_1NEGATE', 'items [16] and [0x81]; pushnum', undefined,
  [scriptPath(leaf(...envelope(EMPTY, opN(16), OP.NEG1)))],
  [{ input: 0, offset: 0, contentType: null, body: '1081', flags: flags({ pushnum: true, curse: 'Pushnum' }) }]);

addCase('stutter-double-false', 'OP_0 OP_0 OP_IF "ord" …', 'the second OP_0 starts the envelope, flagged stutter', undefined,
  [scriptPath(leaf(OP.FALSE, ...envelope(tag(1), CT, EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentType: 'text/plain', flags: flags({ stutter: true, curse: 'Stutter' }) }]);

addCase('stutter-false-if-false-if', 'OP_0 OP_IF OP_0 OP_IF "ord" …', 'failed start followed by an empty push: stutter', undefined,
  [scriptPath(leaf(OP.FALSE, OP.IF, ...envelope(tag(1), CT, EMPTY, text('x')), OP.ENDIF))],
  [{ input: 0, offset: 0, contentType: 'text/plain', flags: flags({ stutter: true, curse: 'Stutter' }) }]);

addCase('stutter-persists', 'OP_0 then two envelopes', 'ord never clears the stutter state after a complete envelope: both are stutter', undefined,
  [scriptPath(leaf(OP.FALSE, ...envelope(EMPTY, text('a')), ...envelope(EMPTY, text('b'))))],
  [{ input: 0, offset: 0, body: hexText('a'), flags: flags({ stutter: true, curse: 'Stutter' }) },
    { input: 0, offset: 1, body: hexText('b'), flags: flags({ stutter: true, notAtOffsetZero: true, curse: 'NotAtOffsetZero' }) }]);

addCase('no-stutter-after-other-op', 'OP_0 OP_DROP then an envelope', 'a failed start not followed by an empty push is no stutter', undefined,
  [scriptPath(leaf(OP.FALSE, OP.DROP, ...envelope(EMPTY, text('a'))))],
  [{ input: 0, offset: 0, body: hexText('a'), flags: flags() }]);

addCase('truncated-push-discards-input', 'input 0: valid envelope then a truncated push; input 1: valid envelope',
  'the input whose script does not decode loses all its envelopes; input 1 gives i0 (NotInFirstInput)', undefined,
  [scriptPath(concatBytes(leaf(...envelope(EMPTY, text('a'))), Uint8Array.of(0x02, 0x00))), scriptPath(leaf(...envelope(EMPTY, text('b'))))],
  [{ input: 1, offset: 0, body: hexText('b'), flags: flags({ notInFirstInput: true, curse: 'NotInFirstInput' }) }]);

addCase('truncated-pushdata2', 'PUSHDATA2 whose length runs past the end of the script', 'the script does not decode: nothing', undefined,
  [scriptPath(concatBytes(leaf(...envelope(EMPTY, text('a'))), Uint8Array.of(OP.PUSHDATA2, 0x10)))], []);

addCase('unknown-opcode-in-envelope', 'OP_SUCCESS187 (0xbb) inside the payload', 'any non-push opcode ends the attempt: not an envelope', 'scure Script.decode throws "Unknown opcode"',
  [scriptPath(leaf(...envelope(tag(1), CT, OP.SUCCESS187, EMPTY, text('x'))))], []);

addCase('unknown-opcode-outside', 'OP_SUCCESS187 before the envelope', 'just a non-push opcode: the envelope after it is parsed', 'throws "Unknown opcode"',
  [scriptPath(script(OP.SUCCESS187, PK, OP.CHECKSIG, ...envelope(EMPTY, text('x'))))],
  [{ input: 0, offset: 0, body: hexText('x'), flags: flags() }]);

addCase('no-endif', 'envelope never closed', 'not an envelope', undefined,
  [scriptPath(leaf(OP.FALSE, OP.IF, ORD, tag(1), CT, EMPTY, text('x')))], []);

addCase('nonminimal-pushes', '"ord" via PUSHDATA1, OP_FALSE as PUSHDATA1 of length 0', 'pushes compare by their bytes: still an envelope', undefined,
  [scriptPath(leaf({ raw: Uint8Array.of(OP.PUSHDATA1, 0) }, OP.IF, { raw: concatBytes(Uint8Array.of(OP.PUSHDATA1, 3), ORD) }, EMPTY, text('x'), OP.ENDIF))],
  [{ input: 0, offset: 0, body: hexText('x'), flags: flags() }]);

addCase('wrong-protocol-id', '"ord " (4 bytes) instead of "ord"', 'protocol id must be exactly "ord": nothing', undefined,
  [scriptPath(leaf(OP.FALSE, OP.IF, text('ord '), EMPTY, text('x'), OP.ENDIF))], []);

addCase('many-envelopes-many-inputs', 'input 0: two envelopes; input 1: none; input 2: one', 'ids run over inputs then script order; offsets per input', undefined,
  [scriptPath(leaf(...envelope(EMPTY, text('a')), ...envelope(EMPTY, text('b')))), scriptPath(leaf()), scriptPath(leaf(...envelope(EMPTY, text('c'))))],
  [{ input: 0, offset: 0, body: hexText('a'), flags: flags() },
    { input: 0, offset: 1, body: hexText('b'), flags: flags({ notAtOffsetZero: true, curse: 'NotAtOffsetZero' }) },
    { input: 2, offset: 0, body: hexText('c'), flags: flags({ notInFirstInput: true, curse: 'NotInFirstInput' }) }]);

addCase('incomplete-field', 'an odd number of items and no body', 'incomplete_field (cursed IncompleteField)', undefined,
  [scriptPath(leaf(...envelope(tag(1), CT, tag(3))))],
  [{ input: 0, offset: 0, contentType: 'text/plain', body: null, flags: flags({ incompleteField: true, curse: 'IncompleteField' }) }]);

addCase('two-byte-tag-key', 'tag key pushed as 01 00 (two bytes)', 'the key is the whole push: an unknown odd tag, no content type', undefined,
  [scriptPath(leaf(...envelope(Uint8Array.of(1, 0), CT, EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentType: null, tags: [], unknownTags: ['0100'], flags: flags() }]);

addCase('even-two-byte-tag-key', 'tag key 02 01', 'first byte even: unrecognized_even_field', undefined,
  [scriptPath(leaf(...envelope(Uint8Array.of(2, 1), text('v'), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, pointer: null, unknownTags: ['0201'], flags: flags({ unrecognizedEvenField: true, curse: 'UnrecognizedEvenField', unbound: true }) }]);

const PARENT_TXID = new Uint8Array(32).map((_, i) => i);
const PARENT_DISPLAY = bytesToHex(PARENT_TXID.slice().reverse());
addCase('parent-encodings', 'parents: 32 bytes; 33 bytes (index 1); 36 bytes (index 1, fixed width); 35 bytes ending in 0; 31 bytes',
  'valid: i0, i1, i1; trailing zero in a short index and a short txid are dropped; repeated parent sets duplicate_field', undefined,
  [scriptPath(leaf(...envelope(
    tag(3), PARENT_TXID,
    tag(3), concatBytes(PARENT_TXID, Uint8Array.of(1)),
    tag(3), concatBytes(PARENT_TXID, Uint8Array.of(1, 0, 0, 0)),
    tag(3), concatBytes(PARENT_TXID, Uint8Array.of(1, 0, 0)),
    tag(3), PARENT_TXID.slice(0, 31),
    EMPTY, text('x'))))],
  [{ input: 0, offset: 0, parents: [`${PARENT_DISPLAY}i0`, `${PARENT_DISPLAY}i1`, `${PARENT_DISPLAY}i1`], flags: flags({ duplicateField: true, curse: 'DuplicateField' }) }]);

addCase('delegate-metaprotocol-encoding', 'delegate (index 256 in two bytes), metaprotocol, content encoding br', 'all three decoded', undefined,
  [scriptPath(leaf(...envelope(tag(1), CT, tag(9), text('br'), tag(7), text('drey/1'), tag(11), concatBytes(PARENT_TXID, Uint8Array.of(0, 1)), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentType: 'text/plain', contentEncoding: 'br', metaprotocol: 'drey/1', delegate: `${PARENT_DISPLAY}i256`,
    tags: ['contentType', 'contentEncoding', 'metaprotocol', 'delegate'], flags: flags() }]);

addCase('invalid-utf8-content-type', 'content type bytes ff fe', 'content type None; the inscription stays valid', undefined,
  [scriptPath(leaf(...envelope(tag(1), Uint8Array.of(0xff, 0xfe), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentType: null, body: hexText('x'), tags: ['contentType'], flags: flags() }]);

addCase('bom-content-type', 'content type starting with a UTF-8 BOM', 'Rust keeps U+FEFF in the string', undefined,
  [scriptPath(leaf(...envelope(tag(1), concatBytes(Uint8Array.of(0xef, 0xbb, 0xbf), CT), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentType: '\ufefftext/plain', flags: flags() }]);

addCase('content-encoding-control-char', 'content encoding "b\\nr"', 'not a valid HTTP header value: no content encoding', undefined,
  [scriptPath(leaf(...envelope(tag(9), text('b\nr'), EMPTY, text('x'))))],
  [{ input: 0, offset: 0, contentEncoding: null, flags: flags() }]);

addCase('large-body-pushdata2', 'a 1,200-byte body in 520/520/160 pushes (PUSHDATA2 and PUSHDATA1)', 'chunks concatenated', undefined,
  [scriptPath(leaf(...envelope(tag(1), CT, EMPTY, new Uint8Array(520).fill(1), new Uint8Array(520).fill(2), new Uint8Array(160).fill(3))))],
  [{ input: 0, offset: 0, bodyLength: 1200, bodySha256: sha256Hex(concatBytes(new Uint8Array(520).fill(1), new Uint8Array(520).fill(2), new Uint8Array(160).fill(3))), flags: flags() }]);

// The null outpoint (coinbase) input: ord skips it without consuming its envelopes, so nothing in the tx is indexed.
{
  const nullOut = concatBytes(new Uint8Array(32), u32le(0xffffffff));
  const { hex, txid } = buildTx([scriptPath(leaf(...envelope(EMPTY, text('a')))), scriptPath(leaf(...envelope(EMPTY, text('b'))))], [nullOut, prevout(1)]);
  cases.push({ name: 'null-prevout-input', description: 'input 0 spends the null outpoint and holds an envelope; input 1 holds one too',
    ord: 'the coinbase input is skipped with its envelopes left queued, so no envelope of the transaction gets an id', hex, expected: { txid, inscriptions: [] } });
}
{
  const { hex, txid } = buildTx([scriptPath(leaf(...envelope(EMPTY, text('a')))), scriptPath(leaf(...envelope(EMPTY, text('b'))))]);
  cases.push({ name: 'zero-value-input-unbound', description: 'input 1 spends an output worth 0 sats (values given)', ord: 'inscriptions of a 0-value input are unbound',
    hex, prevoutValues: { [prevoutKey(0)]: '1000', [prevoutKey(1)]: '0' },
    expected: { txid, inscriptions: withIds(txid, [{ input: 0, offset: 0, flags: flags({ unbound: false }) },
      { input: 1, offset: 0, flags: flags({ notInFirstInput: true, curse: 'NotInFirstInput', unbound: true }) }]) } });
}

// ---------- transaction-level errors ----------
{
  const good = buildTx([scriptPath(leaf(...envelope(EMPTY, text('a'))))]).hex;
  const err = (name: string, description: string, hex: string, code: string): void => {
    cases.push({ name, description, ord: 'not a transaction', hex, expected: { error: code } });
  };
  err('tx-truncated', 'last byte of the locktime removed', good.slice(0, -2), 'INSCRIPTION_TX_TRUNCATED');
  err('tx-trailing-byte', 'one byte after the locktime', good + '00', 'INSCRIPTION_TX_TRAILING_DATA');
  err('tx-bad-segwit-flag', 'segwit flag 2', good.slice(0, 10) + '02' + good.slice(12), 'INSCRIPTION_TX_BAD_SEGWIT_FLAG');
  err('tx-empty', 'no bytes', '', 'INSCRIPTION_TX_TRUNCATED');
  err('tx-not-hex', 'odd-length hex', good.slice(0, -1), 'INSCRIPTION_NOT_HEX');
  err('tx-noncanonical-varint', 'input count 1 written as fd 01 00', good.slice(0, 12) + 'fd0100' + good.slice(14), 'INSCRIPTION_TX_NONCANONICAL_VARINT');
  const noWitness = encodeTx({ version: u32le(2), inputs: [{ prevout: prevout(0), scriptSig: EMPTY, sequence: u32le(0), witness: [] }], outputs: [concatBytes(u64le(1n), varbytes(Uint8Array.of(0x51)))], locktime: u32le(0) });
  err('tx-witness-flag-without-witness', 'segwit marker and flag but every witness empty', noWitness.hex, 'INSCRIPTION_TX_EMPTY_WITNESS');
}

// ---------- mutations of the real reveal transactions ----------
interface RealInscription { id: string; contentType: string | null; bodySha256: string; bodyLength: number; input: number; offset: number; tags: string[] }
interface RealVector { txid: string; hex: string; inscriptions: RealInscription[] }

const mutations: VectorFile[] = [];
for (const file of readdirSync(here).filter((f) => /^inscription-.*\.json$/.test(f)).sort()) {
  const v = JSON.parse(readFileSync(join(here, file), 'utf8')) as RealVector;
  const stem = file.replace(/\.json$/, '');
  const base = decodeTx(v.hex);
  const inputIdx = v.inscriptions[0]!.input;
  const wIdx = base.inputs[inputIdx]!.witness.length - 2; // all real reveals here: [sig, script, control block]
  const keep = (x: RealInscription): Expect => ({ input: x.input, offset: x.offset, contentType: x.contentType, bodyLength: x.bodyLength, bodySha256: x.bodySha256, tags: x.tags });
  // Large transactions keep only the mutations that exercise something the small ones do not (repo size).
  const LARGE_KINDS: Record<string, string[]> = { 'inscription-26f6901cc730': ['endif-to-nop', 'stutter'], 'inscription-664655e65704': ['truncated-push'] };
  const add = (kind: string, description: string, ord: string, tx: Tx, expect: (txid: string) => VectorFile['expected']): void => {
    const { hex, txid } = encodeTx(tx);
    const only = LARGE_KINDS[stem];
    if (only && !only.includes(kind)) return;
    mutations.push({ name: `${stem}-${kind}`, description, ord, source: file, hex, expected: expect(txid) });
  };
  const mutateScript = (f: (s: Uint8Array) => Uint8Array): Tx => {
    const tx = clone(base);
    const w = tx.inputs[inputIdx]!.witness;
    w[wIdx] = f(w[wIdx]!);
    return tx;
  };
  const same = (txid: string): VectorFile['expected'] => ({ txid, inscriptions: v.inscriptions.map((x) => ({ ...keep(x), id: `${txid}i${v.inscriptions.indexOf(x)}` })) });
  const none = (txid: string): VectorFile['expected'] => ({ txid, inscriptions: [] });

  add('unchanged', 'the real transaction re-encoded by the generator', 'as recorded', clone(base), (txid) => {
    if (txid !== v.txid) throw new Error(`${file}: re-encoding changed the txid`);
    return same(txid);
  });
  add('truncated-push', 'a lone 0x01 (push of one byte with no byte) appended to the tapscript', 'script does not decode: every envelope of the input is dropped',
    mutateScript((s) => concatBytes(s, Uint8Array.of(0x01))), none);
  add('endif-to-nop', 'the final OP_ENDIF replaced by OP_NOP', 'the last envelope never closes; earlier ones remain',
    mutateScript((s) => concatBytes(s.subarray(0, -1), Uint8Array.of(OP.NOP))),
    (txid) => ({ txid, inscriptions: v.inscriptions.slice(0, -1).map((x, n) => ({ ...keep(x), id: `${txid}i${n}` })) }));
  add('endif-to-success', 'the final OP_ENDIF replaced by OP_SUCCESS187 (0xbb)', 'an undefined opcode is a non-push op: the last envelope is not one',
    mutateScript((s) => concatBytes(s.subarray(0, -1), Uint8Array.of(OP.SUCCESS187))),
    (txid) => ({ txid, inscriptions: v.inscriptions.slice(0, -1).map((x, n) => ({ ...keep(x), id: `${txid}i${n}` })) }));
  {
    const tx = clone(base);
    tx.inputs[inputIdx]!.witness = [tx.inputs[inputIdx]!.witness[0]!];
    add('key-path', 'witness cut to its first item (a key-path spend)', 'no tapscript: nothing', tx, none);
  }
  {
    const tx = clone(base);
    tx.inputs[inputIdx]!.witness.push(Uint8Array.of(0x50, 0xde, 0xad));
    add('annex', 'an annex (0x50…) appended to the witness', 'the tapscript is then third from the end: same inscriptions, same txid', tx, (txid) => {
      if (txid !== v.txid) throw new Error('witness changed the txid');
      return same(txid);
    });
  }
  {
    const tx = clone(base);
    tx.version = u32le(1);
    add('version-1', 'transaction version changed to 1', 'a new txid: the same inscriptions under the new ids', tx, same);
  }
  add('stutter', 'an extra OP_0 inserted right before the first envelope', 'stutter on the first envelope and, since ord never clears it, on every later one of the input',
    mutateScript((s) => {
      const at = bytesToHex(s).indexOf('0063036f7264') / 2;
      return concatBytes(s.subarray(0, at), Uint8Array.of(0), s.subarray(at));
    }),
    (txid) => ({ txid, inscriptions: v.inscriptions.map((x, n) => ({ ...keep(x), id: `${txid}i${n}`, flags: { stutter: true } })) }));
  {
    // First field after "ord" is the push 01 NN (tag NN ≤ 16): write it as OP_NN instead.
    const s = base.inputs[inputIdx]!.witness[wIdx]!;
    const at = bytesToHex(s).indexOf('0063036f7264') / 2 + 6;
    if (s[at] === 1 && s[at + 1]! >= 1 && s[at + 1]! <= 16) {
      add('pushnum', `first tag push 01 ${s[at + 1]!.toString(16).padStart(2, '0')} written as OP_${s[at + 1]}`, 'same item, flagged pushnum',
        mutateScript((x) => concatBytes(x.subarray(0, at), Uint8Array.of(0x50 + x[at + 1]!), x.subarray(at + 2))),
        (txid) => ({ txid, inscriptions: v.inscriptions.map((x, n) => ({ ...keep(x), id: `${txid}i${n}`, flags: n === 0 ? { pushnum: true } : {} })) }));
    }
  }
  if (v.inscriptions.length === 1) {
    add('doubled-script', 'the tapscript appended to itself (its envelope twice)', 'two inscriptions; the second at offset 1 (NotAtOffsetZero unless cursed earlier)',
      mutateScript((s) => concatBytes(s, s)),
      (txid) => ({ txid, inscriptions: [0, 1].map((n) => ({ ...keep(v.inscriptions[0]!), offset: n, id: `${txid}i${n}`, flags: { notAtOffsetZero: n === 1 } })) }));
  }
}

// ---------- write ----------
for (const [dir, list] of [['cases', cases], ['mutations', mutations]] as const) {
  rmSync(join(here, dir), { recursive: true, force: true });
  mkdirSync(join(here, dir));
  for (const c of list) writeFileSync(join(here, dir, `${c.name}.json`), JSON.stringify(c, null, 1) + '\n');
  console.log(`${dir}: ${list.length} files`);
}
