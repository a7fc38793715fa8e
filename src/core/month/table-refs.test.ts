import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256, utf8 } from '../bytes';
import { INPUTS } from '../table/inputs';
import type { InscriptionRecord } from './records';
import { objectBody, tableFromRef } from './table-refs';

const body = utf8.encode('part');
const record = (id: string, contentType = 'application/vnd.apache.parquet', b = body) => ({ id, body: b, bodySha256: bytesToHex(sha256(b)), contentType }) as InscriptionRecord;
const ID = `${'aa'.repeat(32)}i0`;

describe('a referenced object\'s body', () => {
  it('is the bound inscription\'s, when its SHA-256 is the referenced one', () => {
    expect(objectBody(new Map([[ID, record(ID)]]), { inscription: ID, sha256: bytesToHex(sha256(body)) }, 'program')).toBe(body);
  });
  it('an id that is no bound inscription is TABLE_PART_MISSING; another hash is TABLE_PART_HASH, naming both hashes', () => {
    expect(() => objectBody(new Map(), { inscription: ID, sha256: '00'.repeat(32) }, 'program')).toThrow(expect.objectContaining({ code: 'TABLE_PART_MISSING', evidence: { inscription: ID } }));
    expect(() => objectBody(new Map([[ID, record(ID)]]), { inscription: ID, sha256: '00'.repeat(32) }, 'program'))
      .toThrow(expect.objectContaining({ code: 'TABLE_PART_HASH', evidence: { inscription: ID, sha256: bytesToHex(sha256(body)), referenced: '00'.repeat(32) } }));
  });
});

describe('a table read from its parts', () => {
  it('a part that is no Parquet inscription is TABLE_CONTENT_TYPE, naming it', async () => {
    const records = new Map([[ID, record(ID, 'application/json')]]);
    await expect(tableFromRef(INPUTS, { parts: [{ inscription: ID, sha256: bytesToHex(sha256(body)), rows: 1 }] } as never, records))
      .rejects.toMatchObject({ code: 'TABLE_CONTENT_TYPE', evidence: { inscription: ID } });
  });
  it('row counts against the split rule fail before any part is read', async () => {
    await expect(tableFromRef(INPUTS, { parts: [{ inscription: ID, sha256: '00'.repeat(32), rows: 1 }, { inscription: ID, sha256: '00'.repeat(32), rows: 1 }] } as never, new Map()))
      .rejects.toMatchObject({ code: 'TABLE_PART_SPLIT' });
  });
});
