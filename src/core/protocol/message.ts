/** The Drey v1 message envelope `{drey, type, payload, signer, sig}`: strict parse, context checks, BIP340 signature (docs/protocol.md §2). */
import { bytesToHex, hexToBytes, utf8 } from '../bytes';
import { VerifyError } from '../errors';
import { isValidSchnorr, parseSchnorrSignature, parseXOnlyKey, publicKeyFromSecret, signSchnorr } from '../crypto/schnorr';
import { messageTag, taggedHash } from '../crypto/tagged-hash';
import { canonicalBytes, canonicalize } from './canonical';
import { obj, oneOf } from './fields';
import { MESSAGE_TYPES, parsePayload, type MessageType, type PayloadByType, type RegisterPayload } from './payloads';
import { parseStrictJson, type JsonValue } from './strict-json';
import type { NetworkName } from '../chain/network';

/** Inscription metaprotocol tag (ord tag 7) of every protocol object. */
export const METAPROTOCOL = 'drey/1';
export const CONTENT_TYPES = { message: 'application/json', table: 'application/vnd.apache.parquet', program: 'application/wasm' } as const;
/** Largest message body; larger objects (tables) are split into parts. */
export const MAX_MESSAGE_BYTES = 350_000;

export type Message = { [T in MessageType]: { type: T; payload: PayloadByType[T]; signer: string; sig: string; digest: Uint8Array } }[MessageType];

/** What the reader already trusts: the network, the genesis id (absent only while reading the genesis itself), the month. */
export interface MessageContext {
  network: NetworkName;
  genesis?: string;
  month?: number;
}

/** The 32-byte digest a message signature covers: `taggedHash("drey/v1/" + type, JCS(payload))`. */
export function messageDigest(type: MessageType, payload: JsonValue): Uint8Array {
  return taggedHash(messageTag(type), canonicalBytes(payload));
}

/**
 * Parse and verify a message from an inscription body. The body must be the RFC 8785 canonical form of the envelope
 * (so no byte of it can change without changing what is signed), within MAX_MESSAGE_BYTES.
 */
export function parseMessage(body: Uint8Array, ctx: MessageContext): Message {
  if (body.length > MAX_MESSAGE_BYTES) {
    throw new VerifyError('MESSAGE_TOO_LARGE', `message is ${body.length} bytes, more than ${MAX_MESSAGE_BYTES}`, { bytes: body.length });
  }
  const text = utf8.decodeStrict(body);
  if (text === undefined) throw new VerifyError('MESSAGE_MALFORMED', 'message body is not valid UTF-8', {});
  const value = parseStrictJson(text, 'MESSAGE_MALFORMED');
  const env = obj(value, 'message', ['drey', 'type', 'payload', 'signer', 'sig']);
  if (env.drey !== 1) throw new VerifyError('MESSAGE_UNSUPPORTED_VERSION', 'message version ("drey") must be 1', { drey: env.drey });
  const type = oneOf(env.type, 'message.type', MESSAGE_TYPES);
  const signerKey = parseXOnlyKey(env.signer, 'message signer');
  const sig = parseSchnorrSignature(env.sig, 'message signature');
  if (canonicalize(value) !== text) {
    throw new VerifyError('MESSAGE_NOT_CANONICAL', 'message body is not in RFC 8785 canonical form', { type });
  }
  const payload = parsePayload(type, env.payload);
  const signer = env.signer as string;
  if (payload.signer !== signer) {
    throw new VerifyError('MESSAGE_SIGNER_MISMATCH', 'payload signer differs from the envelope signer', { type, envelope: signer, payload: payload.signer });
  }
  checkContext(type, payload, ctx);
  const digest = messageDigest(type, env.payload!);
  if (!isValidSchnorr(sig, digest, signerKey)) {
    throw new VerifyError('MESSAGE_BAD_SIGNATURE', `${type} message signature does not verify under its signer`, { type, signer, digest: bytesToHex(digest) });
  }
  if (type === 'register') verifyKeylink(payload as RegisterPayload);
  return { type, payload, signer, sig: env.sig as string, digest } as Message;
}

function checkContext(type: MessageType, payload: PayloadByType[MessageType], ctx: MessageContext): void {
  if (payload.network !== ctx.network) {
    throw new VerifyError('MESSAGE_WRONG_NETWORK', `${type} message is for ${payload.network}, not ${ctx.network}`, { type, got: payload.network, want: ctx.network });
  }
  if (ctx.genesis !== undefined && 'genesis' in payload && payload.genesis !== ctx.genesis) {
    throw new VerifyError('MESSAGE_WRONG_GENESIS', `${type} message belongs to another genesis`, { type, got: payload.genesis, want: ctx.genesis });
  }
  if (ctx.month !== undefined && 'month' in payload && payload.month !== ctx.month) {
    throw new VerifyError('MESSAGE_WRONG_MONTH', `${type} message is for month ${payload.month}, not ${ctx.month}`, { type, got: payload.month, want: ctx.month });
  }
}

/** The statement both keys of a key link sign: `taggedHash("drey/v1/keylink", JCS({network, genesis, old_key, new_key}))`. */
export function keylinkDigest(network: NetworkName, genesis: string, oldKey: string, newKey: string): Uint8Array {
  return taggedHash(messageTag('keylink'), canonicalBytes({ network, genesis, old_key: oldKey, new_key: newKey }));
}

/** The old key's half of a key link (the new key's half is the register message's own signature). MESSAGE_BAD_KEYLINK. */
export function verifyKeylink(p: RegisterPayload): void {
  if (!p.keylink) return;
  const oldKey = parseXOnlyKey(p.keylink.old_key, 'keylink old key');
  const digest = keylinkDigest(p.network, p.genesis, p.keylink.old_key, p.signer);
  if (!isValidSchnorr(hexToBytes(p.keylink.sig), digest, oldKey)) {
    throw new VerifyError('MESSAGE_BAD_KEYLINK', 'key link is not signed by the old key', { old_key: p.keylink.old_key, new_key: p.signer });
  }
}

/** Producer side: the canonical envelope bytes of a signed message (the payload's `signer` must be the key of `secretKey`). */
export function buildMessage<T extends MessageType>(type: T, payload: PayloadByType[T], secretKey: Uint8Array, aux?: Uint8Array): Uint8Array {
  const signer = bytesToHex(publicKeyFromSecret(secretKey));
  if (payload.signer !== signer) throw new RangeError('buildMessage: payload.signer is not the signing key');
  const json = payload as unknown as JsonValue;
  const sig = signSchnorr(messageDigest(type, json), secretKey, aux);
  return canonicalBytes({ drey: 1, type, payload: json, signer, sig: bytesToHex(sig) });
}

/** Producer side: the old key's signature for a key link. */
export function signKeylink(network: NetworkName, genesis: string, oldSecret: Uint8Array, newKey: string): string {
  const oldKey = bytesToHex(publicKeyFromSecret(oldSecret));
  return bytesToHex(signSchnorr(keylinkDigest(network, genesis, oldKey, newKey), oldSecret));
}
