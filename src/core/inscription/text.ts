/** Text fields of an inscription decoded as ord does (Rust `str::from_utf8`; http `HeaderValue` for content encoding). */

// ignoreBOM keeps a leading U+FEFF as Rust does; the default decoder would silently drop it.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8, or undefined (Rust's `str::from_utf8(..).ok()`). */
export function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * ord's `content_encoding()`: invalid UTF-8 becomes the empty string, then the value must be a valid HTTP header value
 * (every byte ≥ 0x20 except 0x7f, or a tab); otherwise there is no content encoding.
 */
export function headerValueOrUndefined(bytes: Uint8Array): string | undefined {
  const text = utf8OrUndefined(bytes);
  if (text === undefined) return '';
  for (const b of bytes) if ((b < 0x20 && b !== 0x09) || b === 0x7f) return undefined;
  return text;
}
