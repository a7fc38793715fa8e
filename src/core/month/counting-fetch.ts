/** A fetch wrapper that counts requests (the pipeline reports Esplora requests per month; tests hold the fetch budget). */
export function countingFetch(inner: typeof fetch): { fetch: typeof fetch; count: () => number; paths: string[] } {
  const paths: string[] = [];
  const wrapped = ((input: RequestInfo | URL, init?: RequestInit) => {
    paths.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return inner(input, init);
  }) as typeof fetch;
  return { fetch: wrapped, count: () => paths.length, paths };
}
