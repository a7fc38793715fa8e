import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { FIELD_R } from './field';
import { RESERVE_USER_ID, userIdField } from './user-id';

describe('userIdField', () => {
  it('is the first 31 bytes of sha256(utf8(id)), big-endian, below r', () => {
    for (const id of [RESERVE_USER_ID, 'alice', 'ünïcode', '']) {
      const h = sha256(new TextEncoder().encode(id));
      const expected = h.subarray(0, 31).reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
      expect(userIdField(id)).toBe(expected);
      expect(userIdField(id) < FIELD_R).toBe(true);
    }
  });

});
