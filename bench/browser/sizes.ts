/** Bundle sizes as a browser downloads them: a page's initial JS (entry scripts + their static imports), gzipped. */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export async function gzipBytes(file: string): Promise<number> {
  return gzipSync(await readFile(file), { level: 9 }).length;
}

/** Relative static imports of an ES module (`import … from "./x.js"`, `import "./x.js"`); `import("…")` is lazy. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/\b(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) out.push(m[1]!);
  return out;
}

/** Every JS file loaded before the page can run: module scripts of the HTML, modulepreloads, and static imports. */
export async function initialJsFiles(htmlFile: string): Promise<string[]> {
  const html = await readFile(htmlFile, 'utf8');
  const dir = dirname(htmlFile);
  const queue: string[] = [];
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) queue.push(resolve(dir, m[1]!));
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) queue.push(resolve(dir, m[1]!));
  return closure(queue);
}

export async function closure(entries: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const rel of staticImports(await readFile(file, 'utf8'))) queue.push(join(dirname(file), rel));
  }
  return [...seen];
}

export async function totalGzip(files: string[]): Promise<number> {
  let sum = 0;
  for (const f of files) sum += await gzipBytes(f);
  return sum;
}
