import { describe, expect, it } from 'vitest';
import { allocationTableToCsv, csvField } from './csv';
import { RESERVE_USER_ID } from './limits';
import { parseTable, writeTable } from './table-file';
import { ALLOCATION } from './allocation';

describe('when exporting an allocation table as CSV', () => {
  it('writes a header and one CRLF line per row, in table order', async () => {
    const table = await parseTable(ALLOCATION, writeTable(ALLOCATION, [
      { userId: RESERVE_USER_ID, allocation: 0n },
      { userId: 'alice', allocation: 9007199254740990n },
    ]));
    expect(allocationTableToCsv(table)).toBe('row,user_id,allocation\r\n0,drey:reserve,0\r\n1,alice,9007199254740990\r\n');
  });
});

describe('when a user id looks like a spreadsheet formula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)'])('prefixes %s with an apostrophe', (id) => {
    expect(csvField(id)).toBe(`'${id}`);
  });

  it('prefixes and quotes a formula that also holds a comma and quotes', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('leaves the same characters alone when they are not first', () => {
    expect(csvField('a=b+c-d@e')).toBe('a=b+c-d@e');
  });
});

describe('when a user id holds RFC 4180 special characters', () => {
  it('quotes commas and doubles quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});
