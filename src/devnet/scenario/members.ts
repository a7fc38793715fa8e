/**
 * The Proof-of-Life service's view of the fund, deterministic from the seed: a founding population, then each month
 * some deaths, deposits by survivors and new members appended (docs/allocation-formula.md §Rows; row 0 = reserve).
 */
import { bech32 } from '@scure/base';
import { bytesToHex } from '../../core/bytes';
import { RESERVE_USER_ID } from '../../core/table/limits';
import type { InputsRow } from '../../core/table/inputs';
import { Rng } from './rng';

interface Member {
  userId: string;
  dateOfBirth: number;
  sex: number;
  geography: number;
  depositAddress: string;
  /** Month of death, once dead (the row stays, alive = false). */
  died?: number;
}

export class Population {
  private readonly members: Member[] = [];
  private readonly rng: Rng;

  constructor(seed: string, initial: number, readonly newPerMonth: number, readonly geographies = 3) {
    this.rng = new Rng(seed, 'population');
    for (let i = 0; i < initial; i++) this.members.push(this.newMember());
  }

  private newMember(): Member {
    const id = bytesToHex(this.rng.bytes(8));
    const year = 1935 + this.rng.int(70);
    const month = 1 + this.rng.int(12);
    const day = 1 + this.rng.int(28);
    return {
      userId: `u${id}`,
      dateOfBirth: year * 10000 + month * 100 + day,
      sex: this.rng.int(2),
      geography: this.rng.int(this.geographies),
      depositAddress: bech32.encode('bcrt', [0, ...bech32.toWords(this.rng.bytes(20))]),
    };
  }

  /** Month m's inputs rows: deaths, deposits (new members deposit on joining), new members appended at the end. */
  monthRows(m: number): InputsRow[] {
    if (m > 1) for (let i = 0; i < this.newPerMonth; i++) this.members.push(this.newMember());
    const rows: InputsRow[] = [{ userId: RESERVE_USER_ID, dateOfBirth: 0, sex: 0, geography: 0, depositAddress: '', deposit: 0n, alive: true }];
    const joinedThisMonth = m === 1 ? this.members.length : this.newPerMonth;
    const firstNew = this.members.length - joinedThisMonth;
    this.members.forEach((mb, i) => {
      const isNew = i >= firstNew;
      if (mb.died === undefined && !isNew && this.rng.chance(1, 150)) mb.died = m;
      const alive = mb.died === undefined;
      let deposit = 0n;
      if (alive && (isNew || this.rng.chance(1, 4))) deposit = BigInt(10_000 + this.rng.int(2_000_000));
      rows.push({ ...mb, deposit, alive });
    });
    return rows;
  }
}
