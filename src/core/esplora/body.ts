/**
 * Reading an untrusted response body with a size cap: streamed chunk by chunk and cancelled the moment it passes the
 * cap (or its Content-Length announces more), so an endless or oversized body costs at most `maxBytes` of memory.
 */
import { concatBytes } from '../bytes';
import { VerifyError, type Evidence } from '../errors';

function tooLarge(maxBytes: number, where: Evidence, seen: Record<string, number>): VerifyError {
  return new VerifyError('FETCH_TOO_LARGE', `the answer is larger than the ${maxBytes} bytes this endpoint can need`, { ...where, maxBytes, ...seen });
}

/**
 * The whole body, at most `maxBytes`. FETCH_TOO_LARGE past the cap; FETCH_TRUNCATED when the body ends short of its
 * Content-Length (a connection cut mid-body) — other read errors propagate for the caller to classify.
 */
export async function readCapped(res: Response, maxBytes: number, where: Evidence = {}, signal?: AbortSignal): Promise<Uint8Array> {
  const declaredText = res.headers.get('content-length');
  const declared = declaredText !== null && /^\d{1,15}$/.test(declaredText.trim()) ? Number(declaredText) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, where, { declared });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      if (signal?.aborted) {
        await reader.cancel().catch(() => undefined);
        throw signal.reason;
      }
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes, where, { received: total });
      }
      chunks.push(value);
    }
  }
  const encoding = res.headers.get('content-encoding');
  if (declared !== undefined && (encoding === null || encoding === 'identity') && declared !== total) {
    throw new VerifyError('FETCH_TRUNCATED', `the body ended after ${total} of ${declared} bytes`, { ...where, received: total, declared });
  }
  return chunks.length === 1 ? chunks[0]! : concatBytes(...chunks);
}

/** At most `maxBytes` of an error answer's body as text, for the evidence; never throws, cancels the rest. */
export async function peekText(res: Response, maxBytes = 512): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value.subarray(0, maxBytes - total));
      total += Math.min(value.byteLength, maxBytes - total);
    }
  } catch {
    // A body cut off is still evidence up to where it stopped.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(concatBytes(...chunks));
}
