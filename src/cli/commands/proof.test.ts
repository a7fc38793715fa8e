import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { nodeIO, type CliIO } from '../io';
import { vectorPath } from '../../core/proof/groth16-vectors.test-util';

function capture(): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const base = nodeIO();
  return { io: { ...base, stdout: (t) => { out += t; }, stderr: (t) => { err += t; } }, out: () => out, err: () => err };
}

const files = (name: string) => ['--vkey', vectorPath(name, 'verification_key.json'), '--proof', vectorPath(name, 'proof.json'), '--public', vectorPath(name, 'public.json')];
const scratch = mkdtempSync(join(tmpdir(), 'drey-proof-cli-'));
function scratchFile(name: string, content: string): string {
  const p = join(scratch, name);
  writeFileSync(p, content);
  return p;
}

describe('drey-verify proof', () => {
  it.each(['secret-product', 'poseidon-leaf', 'weighted-sum'])('exits 0 for the valid snarkjs proof of %s', async (name) => {
    const c = capture();
    expect(await main(['proof', ...files(name)], c.io)).toBe(0);
    expect(c.out()).toMatch(/^valid: groth16-bn254-snarkjs-v1/);
  });

  describe('when the public signals do not match the proof', () => {
    it('exits 1 and prints PROOF_INVALID', async () => {
      const c = capture();
      const pub = scratchFile('wrong-public.json', JSON.stringify(['202602', '1']));
      const args = files('poseidon-leaf');
      args[5] = pub;
      expect(await main(['proof', ...args], c.io)).toBe(1);
      expect(c.out()).toContain('PROOF_INVALID');
    });
  });

  describe('when the proof belongs to another circuit', () => {
    it('exits 1 with the public-count reason', async () => {
      const c = capture();
      const args = files('weighted-sum');
      args[3] = vectorPath('poseidon-leaf', 'proof.json');
      args[5] = vectorPath('poseidon-leaf', 'public.json');
      expect(await main(['proof', ...args], c.io)).toBe(1);
      expect(c.out()).toContain('PROOF_PUBLIC_COUNT');
    });
  });

  describe('when a file is not JSON', () => {
    it('exits 1 with the malformed-proof reason', async () => {
      const c = capture();
      const args = files('secret-product');
      args[3] = scratchFile('garbage.json', '{"pi_a": [');
      expect(await main(['proof', ...args], c.io)).toBe(1);
      expect(c.out()).toContain('PROOF_MALFORMED_PROOF');
    });
  });

  describe('when the proof system is unknown', () => {
    it('exits 1 with PROOF_UNKNOWN_SYSTEM', async () => {
      const c = capture();
      expect(await main(['proof', ...files('secret-product'), '--system', 'plonk-bn254'], c.io)).toBe(1);
      expect(c.out()).toContain('PROOF_UNKNOWN_SYSTEM');
    });
  });

  describe('when it is used wrongly', () => {
    it('exits 2 without --public', async () => {
      const c = capture();
      expect(await main(['proof', ...files('secret-product').slice(0, 4)], c.io)).toBe(2);
      expect(c.err()).toContain('--public');
    });

    it('exits 2 on an unknown option', async () => {
      expect(await main(['proof', ...files('secret-product'), '--fast'], capture().io)).toBe(2);
    });

    it('exits 2 when a file does not exist', async () => {
      const c = capture();
      const args = files('secret-product');
      args[1] = join(scratch, 'missing.json');
      expect(await main(['proof', ...args], c.io)).toBe(2);
      expect(c.err()).toContain('ENOENT');
    });
  });
});
