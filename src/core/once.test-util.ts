/**
 * Test helper: `f`'s value, computed on the first call and kept. Fixtures built this way are built inside a test, not
 * while the file is collected, so a failure in them fails that test (and counts as a kill under mutation testing).
 */
export function once<T>(f: () => T): () => T {
  let v: { value: T } | undefined;
  return () => (v ??= { value: f() }).value;
}
