/** User id rules shared by the inputs and allocation tables (docs/tables.md §User ids). */
import { VerifyError } from '../errors';
import { utf8Length } from './columns';
import { MAX_USER_ID_BYTES, RESERVE_USER_ID, RESERVED_PREFIX } from './limits';

// C0 and C1 controls, DEL, and bidi overrides/isolates that could make one id display as another.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Row 0 is the reserve row; ids are 1..64 UTF-8 bytes, printable, unique, and only row 0 uses the `drey:` prefix. */
export function checkUserIds(userIds: readonly string[]): void {
  if (userIds[0] !== RESERVE_USER_ID) {
    throw new VerifyError('TABLE_RESERVE_ROW', `row 0 must be the reserve row ${RESERVE_USER_ID}`, { row: 0, userId: userIds[0]?.slice(0, 80) });
  }
  const seen = new Map<string, number>();
  userIds.forEach((id, row) => {
    const bytes = utf8Length(id);
    if (bytes === 0 || bytes > MAX_USER_ID_BYTES || FORBIDDEN.test(id)) {
      throw new VerifyError('TABLE_RANGE', `user id of row ${row} must be 1..${MAX_USER_ID_BYTES} printable UTF-8 bytes`, { row, column: 'user_id', bytes });
    }
    if (row > 0 && id.startsWith(RESERVED_PREFIX)) {
      throw new VerifyError('TABLE_RESERVE_ROW', `only row 0 may use the ${RESERVED_PREFIX} prefix`, { row, userId: id });
    }
    const first = seen.get(id);
    if (first !== undefined) throw new VerifyError('TABLE_DUPLICATE_USER', `user id of row ${row} repeats row ${first}`, { row, firstRow: first, userId: id });
    seen.set(id, row);
  });
}
