import { describe, expect, it } from 'vitest';
import { taprootTweakPrivKey } from '@scure/btc-signer/utils.js';
import { bytesToHex, hexToBytes } from '../bytes';
import { publicKeyFromSecret } from '../crypto/schnorr';
import { codeOf } from '../errors.test-util';
import { buildMessage, parseMessage } from './message';
import type { RegisterPayload } from './payloads';
import { signStakeProof, stakeDigest, verifyStakeProof, type StakeStatement } from './stake-proof';

const actuarySecret = hexToBytes('01'.repeat(32));
const actuary = bytesToHex(publicKeyFromSecret(actuarySecret));
const GENESIS = 'c0'.repeat(32) + 'i0';
/** A BIP86 stake: the output key is the actuary key tweaked with an empty script tree; its secret is the tweaked key. */
const outputSecret = taprootTweakPrivKey(hexToBytes('03'.repeat(32)));
const outputKey = publicKeyFromSecret(outputSecret);
const statement: StakeStatement = { network: 'regtest', genesis: GENESIS, actuary, txid: 'e1'.repeat(32), vout: 1 };

function register(s: StakeStatement, sig?: string): RegisterPayload {
  return { network: s.network, genesis: s.genesis, signer: s.actuary, stake: { txid: s.txid, vout: s.vout, ...(sig ? { sig } : {}) } };
}

describe('when a register carries a stake proof by the stake output\'s key', () => {
  it('verifies, and the register message with it parses', () => {
    const p = register(statement, signStakeProof(statement, outputSecret));
    expect(() => verifyStakeProof(p, outputKey)).not.toThrow();
    const msg = parseMessage(buildMessage('register', p, actuarySecret), { network: 'regtest', genesis: GENESIS });
    expect(msg.type === 'register' && msg.payload.stake.sig).toBe(p.stake.sig);
  });

  it('signs the JCS of exactly {actuary, genesis, network, txid, vout} under the tag drey/v1/stake', () => {
    // Computed independently (Python: sha256 tagged hash over json.dumps(sort_keys, no spaces)); a change of field
    // names, order, tag or encoding changes it.
    expect(bytesToHex(stakeDigest(statement))).toBe(STAKE_DIGEST);
  });
});

describe('when the stake proof does not show control of the stake', () => {
  const good = signStakeProof(statement, outputSecret);
  it.each([
    ['no proof at all', register(statement)],
    ['a proof signed by the actuary key instead of the output key', register(statement, signStakeProof(statement, actuarySecret))],
    ['a proof made for another actuary key', { ...register(statement, good), signer: bytesToHex(publicKeyFromSecret(hexToBytes('02'.repeat(32)))) }],
    ['a proof made for another outpoint', register({ ...statement, vout: 2 }, good)],
    ['a proof made for another stake transaction', register({ ...statement, txid: 'e2'.repeat(32) }, good)],
    ['a proof made for another genesis', register({ ...statement, genesis: 'c1'.repeat(32) + 'i0' }, good)],
    ['a proof made for another network', register({ ...statement, network: 'testnet' }, good)],
  ])('%s is STAKE_NOT_CONTROLLED', (_, p) => {
    expect(codeOf(() => verifyStakeProof(p, outputKey))).toBe('STAKE_NOT_CONTROLLED');
  });

  it('a proof that is not 64 bytes of hex does not parse (MESSAGE_MALFORMED)', () => {
    const p = register(statement, good.slice(2));
    expect(codeOf(() => parseMessage(buildMessage('register', p, actuarySecret), { network: 'regtest', genesis: GENESIS }))).toBe('MESSAGE_MALFORMED');
  });
});

const STAKE_DIGEST = 'b2dc36a8a2f017707bf4632f71f17456c9d0e2d133f92f6645d0b098da613407';
