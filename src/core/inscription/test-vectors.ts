/** Test-only loader for `vectors/inscriptions/` (real reveals, hand-built cases, mutations), bundled by Vite's glob. */
import type { InscriptionSummary } from './summary';

export interface RealVector {
  txid: string;
  hex: string;
  inscriptions: {
    id: string; contentType: string | null; bodySha256: string; bodyLength: number; input: number; offset: number; tags: string[];
    ordFlags: {
      duplicateField: boolean; incompleteField: boolean; unrecognizedEvenField: boolean; pushnum: boolean; stutter: boolean;
      pointer: boolean; parents: number; metadata: boolean; metaprotocol: string | null; contentEncoding: string | null;
    };
  }[];
}

export type ExpectedInscription = Partial<Omit<InscriptionSummary, 'flags'>> & {
  id: string; body?: string | null; flags?: Partial<InscriptionSummary['flags']>;
};

export interface CaseVector {
  name: string;
  description: string;
  ord: string;
  hex: string;
  prevoutValues?: Record<string, string>;
  expected: { error: string } | { txid: string; inscriptions: ExpectedInscription[] };
}

const byName = <T>(files: Record<string, unknown>): [string, T][] =>
  Object.entries(files).map(([path, v]) => [path.slice(path.lastIndexOf('/') + 1, -5), v as T]);

export const realVectors = byName<RealVector>(import.meta.glob('../../../vectors/inscriptions/inscription-*.json', { eager: true, import: 'default' }));
export const caseVectors = byName<CaseVector>(import.meta.glob('../../../vectors/inscriptions/cases/*.json', { eager: true, import: 'default' }));
export const mutationVectors = byName<CaseVector>(import.meta.glob('../../../vectors/inscriptions/mutations/*.json', { eager: true, import: 'default' }));
