/** CSV export of an allocation table (RFC 4180), safe to open in a spreadsheet (docs/tables.md §CSV export). */
import type { AllocationTable } from './allocation';

// Cells a spreadsheet would treat as a formula (OWASP "CSV injection": = + - @, tab, carriage return).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: a formula-looking cell gets a leading `'`; quoted when it holds `"`, `,`, CR or LF. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Header `row,user_id,allocation`, one line per row in table order, CRLF line ends (RFC 4180). */
export function allocationTableToCsv(table: AllocationTable): string {
  const lines = ['row,user_id,allocation'];
  for (let i = 0; i < table.rows; i++) {
    lines.push(`${i},${csvField(table.userIds[i]!)},${table.allocations[i]!.toString()}`);
  }
  return lines.join('\r\n') + '\r\n';
}
