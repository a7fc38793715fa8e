/** The v1 Parquet tables (docs/tables.md): parse untrusted files, join parts, write canonical files, export CSV. */
export { ALLOCATION, parseAllocationTable, writeAllocationTable, type AllocationRow, type AllocationTable } from './allocation';
export { INPUTS, parseInputsTable, writeInputsTable, type InputsRow, type InputsTable } from './inputs';
export { MORTALITY, parseMortalityTable, writeMortalityTable, type MortalityRow, type MortalityTable } from './mortality';
export { mortalityLookup, mortalityRate, rateIndex, type MortalityLookup } from './mortality-lookup';
export { joinParts, parsePartListing, partListing, splitIntoParts, type PartEntry, type TablePart } from './parts';
export { allocationTableToCsv, csvField } from './csv';
export type { TableKind } from './table-kind';
export * from './limits';
