/** The v1 Parquet tables (docs/tables.md): parse untrusted files, join parts, write canonical files, export CSV. */
export { ALLOCATION, type AllocationRow, type AllocationTable } from './allocation';
export { INPUTS, type InputsRow, type InputsTable } from './inputs';
export { MORTALITY, type MortalityRow, type MortalityTable } from './mortality';
export { parseTable, writeTable } from './table-file';
export { mortalityLookup, mortalityRate, rateIndex, type MortalityLookup } from './mortality-lookup';
export { joinParts, parsePartListing, partListing, splitIntoParts, type PartEntry, type TablePart } from './parts';
export { allocationTableToCsv, csvField } from './csv';
export type { TableKind } from './table-kind';
export * from './limits';
