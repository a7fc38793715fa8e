/** JSON contents of the ROAST events (kinds 4731–4734, docs/nostr.md), with strict parsers for what peers send. */
import { schnorr } from '@noble/curves/secp256k1.js';
import type { NonceCommitments } from '@noble/curves/abstract/frost.js';
import { bytesToHex, hexToBytes } from '../../core/bytes';

export interface WireCommitment { identifier: string; hiding: string; binding: string }
/** 4731 signer → coordinator: a fresh nonce commitment ("I am ready"). */
export interface ReadyContent { v: 1; commitment: WireCommitment }
/** 4732 coordinator → the session's signers: sign `message` with exactly these commitments. */
export interface SessionContent { v: 1; session: number; message: string; commitments: WireCommitment[] }
/** 4733 signer → coordinator: the signature share for `session` plus the next fresh commitment. */
export interface ShareContent { v: 1; session: number; share: string; next: WireCommitment }
/** 4734 coordinator: the outcome, pointing at the share events that prove it and those that prove misbehaviour. */
export interface ResultContent {
  v: 1;
  session: number;
  message: string;
  groupKey: string;
  signature: string;
  signers: string[];
  malicious: { identifier: string; reason: string; evidence: string }[];
}

export class WireError extends Error {
  override readonly name = 'WireError';
}

const HEX64 = /^[0-9a-f]{64}$/;
const HEX66 = /^0[23][0-9a-f]{64}$/;

export function commitmentToWire(c: NonceCommitments): WireCommitment {
  return { identifier: c.identifier, hiding: bytesToHex(c.hiding), binding: bytesToHex(c.binding) };
}

export function commitmentFromWire(w: WireCommitment): NonceCommitments {
  return { identifier: w.identifier, hiding: hexToBytes(w.hiding), binding: hexToBytes(w.binding) } as NonceCommitments;
}

export function sameCommitment(a: WireCommitment, b: WireCommitment): boolean {
  return a.identifier === b.identifier && a.hiding === b.hiding && a.binding === b.binding;
}

function object(raw: unknown, what: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new WireError(`${what} is not an object`);
  return raw as Record<string, unknown>;
}

function json(content: string, what: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw new WireError(`${what} is not JSON`);
  }
  const o = object(raw, what);
  if (o.v !== 1) throw new WireError(`${what} has an unknown version`);
  return o;
}

function point(raw: unknown, what: string): string {
  if (typeof raw !== 'string' || !HEX66.test(raw)) throw new WireError(`${what} is not a compressed point`);
  try {
    schnorr.Point.fromBytes(hexToBytes(raw));
  } catch {
    throw new WireError(`${what} is not on secp256k1`);
  }
  return raw;
}

export function parseCommitment(raw: unknown, what = 'commitment'): WireCommitment {
  const o = object(raw, what);
  if (typeof o.identifier !== 'string' || !HEX64.test(o.identifier)) throw new WireError(`${what} identifier is not 64 hex`);
  return { identifier: o.identifier, hiding: point(o.hiding, `${what} hiding`), binding: point(o.binding, `${what} binding`) };
}

function sessionIndex(raw: unknown): number {
  if (!Number.isSafeInteger(raw) || (raw as number) < 1) throw new WireError('session is not a positive integer');
  return raw as number;
}

export function parseReady(content: string): ReadyContent {
  const o = json(content, 'ready');
  return { v: 1, commitment: parseCommitment(o.commitment) };
}

export function parseShare(content: string): ShareContent {
  const o = json(content, 'share');
  if (typeof o.share !== 'string' || !HEX64.test(o.share)) throw new WireError('share is not 32 bytes of hex');
  return { v: 1, session: sessionIndex(o.session), share: o.share, next: parseCommitment(o.next, 'next commitment') };
}

export function parseSession(content: string): SessionContent {
  const o = json(content, 'session');
  if (typeof o.message !== 'string' || !/^(?:[0-9a-f]{2})*$/.test(o.message)) throw new WireError('session message is not hex');
  if (!Array.isArray(o.commitments) || o.commitments.length === 0) throw new WireError('session has no commitments');
  return { v: 1, session: sessionIndex(o.session), message: o.message, commitments: o.commitments.map((c) => parseCommitment(c)) };
}

export function parseResult(content: string): ResultContent {
  const o = json(content, 'result');
  const hex = (x: unknown, re: RegExp, what: string): string => {
    if (typeof x !== 'string' || !re.test(x)) throw new WireError(`result ${what} is malformed`);
    return x;
  };
  if (!Array.isArray(o.signers) || !Array.isArray(o.malicious)) throw new WireError('result lists are missing');
  return {
    v: 1,
    session: sessionIndex(o.session),
    message: hex(o.message, /^(?:[0-9a-f]{2})*$/, 'message'),
    groupKey: hex(o.groupKey, HEX64, 'group key'),
    signature: hex(o.signature, /^[0-9a-f]{128}$/, 'signature'),
    signers: o.signers.map((s) => hex(s, HEX64, 'signer')),
    malicious: o.malicious.map((m) => {
      const r = object(m, 'malicious entry');
      return { identifier: hex(r.identifier, HEX64, 'identifier'), reason: String(r.reason), evidence: hex(r.evidence, HEX64, 'evidence') };
    }),
  };
}
