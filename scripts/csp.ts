/** The app's Content-Security-Policy: no eval (WASM compiles under 'wasm-unsafe-eval'), Esplora hosts reachable by fetch. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data:",
  // Esplora hosts and nostr relays are chosen by the user, so any http(s)/ws(s) origin may be read.
  'connect-src http: https: ws: wss:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
