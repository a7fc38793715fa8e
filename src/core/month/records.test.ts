import { describe, expect, it } from 'vitest';
import { chainOrder, ofType, type InscriptionRecord, type MessageRecord } from './records';

const at = (height: number, position: number, index: number) => ({ height, position, index }) as InscriptionRecord;
const msg = (type: MessageRecord['type'], height: number) => ({ type, inscription: at(height, 0, 0) }) as MessageRecord;

describe('the chain order of inscriptions', () => {
  it('is by height, then position in the block, then index in the reveal', () => {
    const list = [at(2, 0, 0), at(1, 5, 1), at(1, 5, 0), at(1, 2, 9), at(3, 0, 0)];
    expect([...list].sort(chainOrder)).toEqual([at(1, 2, 9), at(1, 5, 0), at(1, 5, 1), at(2, 0, 0), at(3, 0, 0)]);
    expect(chainOrder(at(1, 2, 3), at(1, 2, 3))).toBe(0);
    expect(chainOrder(at(1, 9, 9), at(2, 0, 0))).toBeLessThan(0);
    expect(chainOrder(at(2, 0, 0), at(1, 9, 9))).toBeGreaterThan(0);
    expect(chainOrder(at(1, 1, 9), at(1, 2, 0))).toBeLessThan(0);
    expect(chainOrder(at(1, 2, 0), at(1, 1, 9))).toBeGreaterThan(0);
  });
});

describe('the messages of one type', () => {
  it('are those of that type, in the order given', () => {
    const list = [msg('commit', 3), msg('final', 1), msg('commit', 2), msg('reveal', 4)];
    expect(ofType(list, 'commit').map((m) => m.inscription.height)).toEqual([3, 2]);
    expect(ofType(list, 'lottery')).toEqual([]);
  });
});
