/** `POST /api/devnet/mine`: text body JSON `{"blocks":n,"address":"bcrt1…"}` → `{"hashes":[…]}`. */
import { scriptFromAddress } from './address';
import type { Chain } from './chain';

/** At most this many blocks per request, so one call cannot stall the server for long. */
export const MAX_BLOCKS_PER_REQUEST = 1000;

export function mineRequest(chain: Chain, body: string): { hashes: string[] } {
  let req: unknown;
  try {
    req = JSON.parse(body);
  } catch {
    throw new Error('body must be JSON {"blocks":n,"address":"bcrt1…"}');
  }
  const { blocks, address } = (req ?? {}) as { blocks?: unknown; address?: unknown };
  if (typeof blocks !== 'number' || !Number.isInteger(blocks) || blocks < 1 || blocks > MAX_BLOCKS_PER_REQUEST) {
    throw new Error(`blocks must be an integer from 1 to ${MAX_BLOCKS_PER_REQUEST}`);
  }
  if (typeof address !== 'string') throw new Error('address must be a string');
  const parsed = scriptFromAddress(address);
  if (!parsed.ok) throw new Error(parsed.message);
  const hashes: string[] = [];
  for (let i = 0; i < blocks; i++) hashes.push(chain.mineBlock(parsed.script).hash);
  return { hashes };
}
