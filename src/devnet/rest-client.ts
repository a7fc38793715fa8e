/** Minimal Esplora REST calls for devnet tools (CORS-simple: plain GETs, text-body POSTs); `fetch` is injected. */

export type FetchLike = (url: string, init?: { method?: string; body?: string }) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

export class RestError extends Error {
  override readonly name = 'RestError';
  constructor(
    readonly status: number,
    readonly body: string,
    readonly path: string,
  ) {
    super(`${path}: HTTP ${status}: ${body}`);
  }
}

export class RestClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetchFn: FetchLike = fetch,
  ) {}

  async text(path: string, body?: string): Promise<string> {
    const init = body === undefined ? undefined : { method: 'POST', body };
    const res = await this.send(path, init);
    const t = await res.text();
    if (!res.ok) throw new RestError(res.status, t, path);
    return t;
  }

  /**
   * A GET is sent again once when the connection fails: a tool that kept the event loop busy (proving, say) may find
   * its idle keep-alive socket closed by the server. A POST is never repeated.
   */
  private async send(path: string, init: { method: string; body: string } | undefined): ReturnType<FetchLike> {
    try {
      return await this.fetchFn(`${this.baseUrl}${path}`, init);
    } catch (e) {
      if (init !== undefined || !(e instanceof TypeError)) throw e;
      return this.fetchFn(`${this.baseUrl}${path}`, init);
    }
  }

  async json<T>(path: string, body?: string): Promise<T> {
    return JSON.parse(await this.text(path, body)) as T;
  }
}
