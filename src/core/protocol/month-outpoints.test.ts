import { describe, expect, it } from 'vitest';
import type { ParsedTx } from '../chain/tx';
import { errorOf } from '../errors.test-util';
import { MONTH_OUTPUT_MIN_SATS, monthOutpointInput, monthOutputScript, verifyMonthOutputs } from './month-outpoints';

const GROUP = '11'.repeat(32);
const OTHER = '22'.repeat(32);
const out = (key: string, amount = 1_000n) => ({ script: monthOutputScript(key), amount });
const tx = (outputs: { script: Uint8Array; amount: bigint }[]) => ({ outputs: [{ script: new Uint8Array([0x6a]), amount: 10_000n }, ...outputs] }) as unknown as ParsedTx;

describe('the genesis transaction\'s month outputs', () => {
  it('a month output is OP_1 <32-byte group key>', () => {
    expect(Array.from(monthOutputScript(GROUP))).toEqual([0x51, 0x20, ...Array(32).fill(0x11)]);
  });

  it('outputs 1..months each paying at least 330 sats to the group key pass; output 0 is not one of them', () => {
    expect(() => verifyMonthOutputs(tx([out(GROUP), out(GROUP, MONTH_OUTPUT_MIN_SATS)]), GROUP, 2)).not.toThrow();
    expect(() => verifyMonthOutputs(tx([out(GROUP), out(GROUP), out(OTHER)]), GROUP, 2)).not.toThrow();
  });

  it.each([
    ['missing', [out(GROUP)], 2, 2],
    ['paying another key', [out(GROUP), out(OTHER)], 2, 2],
    ['below the dust limit', [out(GROUP, 329n), out(GROUP)], 2, 1],
    ['a P2WSH output', [{ script: new Uint8Array([0x00, 0x20, ...Array(32).fill(0x11)]), amount: 1_000n }], 1, 1],
  ])('an output %s is GENESIS_MONTH_OUTPUTS, naming the output', (_what, outputs, months, output) => {
    const e = errorOf(() => verifyMonthOutputs(tx(outputs), GROUP, months));
    expect(e.code).toBe('GENESIS_MONTH_OUTPUTS');
    expect(e.evidence).toMatchObject({ output, months });
  });

  it('the input that spends month m\'s outpoint, if any', () => {
    const g = 'aa'.repeat(32);
    const spender = { inputs: [{ txid: 'bb'.repeat(32), vout: 1 }, { txid: g, vout: 3 }] } as unknown as ParsedTx;
    expect(monthOutpointInput(spender, g, 3)).toBe(1);
    expect(monthOutpointInput(spender, g, 1)).toBeUndefined();
  });
});
