/** Links into the configured block explorer (mempool/esplora URL layout) for evidence values. */
const HEX64 = /^[0-9a-f]{64}$/;
const INSCRIPTION_ID = /^([0-9a-f]{64})i\d+$/;

export type EvidenceLink = { kind: 'tx' | 'block' | 'height'; href: string };

/** The explorer link for one evidence value, judged by its key and shape; undefined when it is not a chain object. */
export function explorerLink(explorer: string | undefined, key: string, value: unknown): EvidenceLink | undefined {
  if (!explorer) return undefined;
  const base = explorer.replace(/\/+$/, '');
  const k = key.toLowerCase();
  if (typeof value === 'string') {
    const v = value.toLowerCase();
    const ins = INSCRIPTION_ID.exec(v);
    if (ins) return { kind: 'tx', href: `${base}/tx/${ins[1]}` };
    if (!HEX64.test(v)) return undefined;
    if (k.includes('block') || (k.includes('hash') && !k.includes('sha') && !k.includes('root'))) return { kind: 'block', href: `${base}/block/${v}` };
    if (k.includes('tx') || k === 'commit' || k === 'reveal' || k === 'id') return { kind: 'tx', href: `${base}/tx/${v}` };
    return undefined;
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && /(^|_)height$|^height|Height$/.test(key)) {
    return { kind: 'height', href: `${base}/block-height/${value}` };
  }
  return undefined;
}
