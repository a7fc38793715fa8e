import { beforeEach, describe, expect, it, vi } from 'vitest';
import { VerifyError } from '../../errors';
import { fetchBlock } from './blocks';
import type { MonthClient } from './month-client';

const settle = vi.hoisted(() => ({ fn: vi.fn(), prover: vi.fn() }));
vi.mock('../../esplora/block-at-height', () => ({ settleBlockAtHeight: settle.fn, heightProver: (c: unknown) => { settle.prover(c); return 'prover'; } }));
beforeEach(() => { settle.fn.mockReset(); settle.prover.mockReset(); });

const client = { liveHosts: () => ['A', 'B'] } as unknown as MonthClient;
const header = { merkleRoot: 'r' };

describe('the block settled at a height', () => {
  it('is its hash, header and height proof, with what the hosts still trusted name there', async () => {
    settle.fn.mockResolvedValue({ height: 7, hash: 'h7', header, heightProof: { coinbase: 'cb' }, hosts: { A: 'h7', B: 'h7', C: 'hx' } });
    expect(await fetchBlock(client, 7)).toEqual({ height: 7, hash: 'h7', header, heightProof: { coinbase: 'cb' }, hosts: { A: 'h7', B: 'h7' } });
    expect(settle.fn).toHaveBeenCalledWith(client, 7, 'prover');
    expect(settle.prover).toHaveBeenCalledWith(client);
  });
  it('has no height proof when the hosts gave none', async () => {
    settle.fn.mockResolvedValue({ height: 7, hash: 'h7', header, hosts: { A: 'h7' } });
    const b = await fetchBlock(client, 7);
    expect('heightProof' in b).toBe(false);
    expect(b.hosts).toEqual({ A: 'h7' });
  });
  it('that cannot be settled is the failure\'s code and message, with what each host named', async () => {
    settle.fn.mockRejectedValue(new VerifyError('FETCH_HOSTS_DISAGREE', 'two blocks', { hosts: { A: 'h1', B: 'h2' } }));
    expect(await fetchBlock(client, 9)).toEqual({ height: 9, hash: '', hosts: { A: 'h1', B: 'h2' }, error: { code: 'FETCH_HOSTS_DISAGREE', message: 'two blocks' } });
    settle.fn.mockRejectedValue(new VerifyError('FETCH_NOT_FOUND', 'none'));
    expect(await fetchBlock(client, 9)).toEqual({ height: 9, hash: '', hosts: {}, error: { code: 'FETCH_NOT_FOUND', message: 'none' } });
    settle.fn.mockRejectedValue(new VerifyError('FETCH_ABORTED', 'stopped'));
    await expect(fetchBlock(client, 9)).rejects.toThrow('stopped');
  });
});
