import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../bytes';
import { VerifyError } from '../errors';
import { markerAddress, markerCommitment, markerOutputKey, markerScript } from './marker';
import { inscriptionIdBytes, parseInscriptionId } from './ids';
import type { NetworkName } from '../chain/network';

const vector = JSON.parse(readFileSync(new URL('../../../vectors/protocol/marker/marker.json', import.meta.url), 'utf8')) as {
  cases: { genesis: string; month: number; commitment: string; output_key: string; addresses: Record<string, string> }[];
};

describe('when deriving marker addresses for the vector cases', () => {
  it.each(vector.cases)('$genesis month $month', (c) => {
    const id = parseInscriptionId(c.genesis);
    expect(bytesToHex(markerCommitment(id, c.month))).toBe(c.commitment);
    expect(bytesToHex(markerOutputKey(id, c.month))).toBe(c.output_key);
    expect(bytesToHex(markerScript(id, c.month))).toBe('5120' + c.output_key);
    for (const [net, addr] of Object.entries(c.addresses)) expect(markerAddress(net as NetworkName, id, c.month)).toBe(addr);
  });

  it('gives every month its own address', () => {
    const id = parseInscriptionId(vector.cases[0]!.genesis);
    const seen = new Set([0, 1, 2, 3, 4, 5].map((m) => markerAddress('regtest', id, m)));
    expect(seen.size).toBe(6);
  });
});

describe('when reading genesis ids', () => {
  it('encodes txid in internal order then the index little-endian', () => {
    const b = inscriptionIdBytes(parseInscriptionId('00'.repeat(31) + '01i258'));
    expect(bytesToHex(b)).toBe('01' + '00'.repeat(31) + '02010000');
  });
  it.each(['ab'.repeat(32) + 'i01', 'AB'.repeat(32) + 'i0', 'ab'.repeat(32), 'ab'.repeat(32) + 'i4294967296', 'ab'.repeat(31) + 'i0'])('refuses %s', (s) => {
    expect(() => parseInscriptionId(s)).toThrow(VerifyError);
  });
});
