/** Range checks of INT64 amount columns against the formula's 2^53 bound (docs/allocation-formula.md §Units). */
import { VerifyError } from '../errors';
import { MAX_AMOUNT } from './limits';

/** Every value in [0, 2^53) and their sum below 2^53; returns the sum. */
export function checkAmounts(values: BigInt64Array, column: string): bigint {
  let sum = 0n;
  for (let row = 0; row < values.length; row++) {
    const v = values[row]!;
    if (v < 0n || v >= MAX_AMOUNT) {
      throw new VerifyError('TABLE_RANGE', `${column} of row ${row} must be in [0, 2^53)`, { row, column, value: v.toString() });
    }
    sum += v;
  }
  if (sum >= MAX_AMOUNT) throw new VerifyError('TABLE_RANGE', `the ${column} column sums to 2^53 or more`, { column, sum: sum.toString() });
  return sum;
}
