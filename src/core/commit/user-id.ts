/** userIdField of docs/allocation-formula.md: int(first 31 bytes of sha256(utf8.encode(userId))), big-endian, always < r. */
import { bytesToHex, sha256, utf8 } from '../bytes';

/** The reserve row's user id (row 0 of every month). */
export const RESERVE_USER_ID = 'drey:reserve';

export function userIdField(userId: string): bigint {
  return BigInt(`0x${bytesToHex(sha256(utf8.encode(userId)).subarray(0, 31))}`);
}
