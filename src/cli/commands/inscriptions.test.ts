import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../memory-io.test-util';
import vector from '../../../vectors/inscriptions/inscription-49cbc5cbac92.json';
import multi from '../../../vectors/inscriptions/inscription-26f6901cc730.json';

/** Runs drey-verify in-process with files served from memory ('-' is standard input). */
const cli = (argv: string[], files: Record<string, string> = {}): Promise<CliRun> => runCli(argv, { files });

describe('drey-verify inscriptions', () => {
  it('when given a reveal file: prints the inscription and exits 0', async () => {
    const r = await cli(['inscriptions', 'tx.hex'], { 'tx.hex': vector.hex });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    const want = vector.inscriptions[0]!;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      id: want.id, input: want.input, offset: want.offset, contentType: want.contentType, contentEncoding: null,
      metaprotocol: 'cbrc-20:deploy', pointer: null, parents: [], bodyLength: want.bodyLength, bodySha256: want.bodySha256,
      flags: { curse: null, pushnum: false, stutter: false, unbound: null, reinscription: null },
    });
    expect(out[0]!.metadata).toMatch(/^[0-9a-f]+$/);
  });

  it('when the hex comes on standard input wrapped over lines: same result', async () => {
    const wrapped = `  ${multi.hex.replace(/(.{64})/g, '$1\n')}\r\n`;
    const r = await cli(['inscriptions', '-'], { '-': wrapped });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; pointer: string | null; flags: { curse: string } }[];
    expect(out.map((x) => x.id)).toEqual(multi.inscriptions.map((x) => x.id));
    expect(out[1]!.flags.curse).toBe('NotInFirstInput');
  });

  it('when the input is not hex: exits 1 with INSCRIPTION_NOT_HEX on stderr', async () => {
    const r = await cli(['inscriptions', 'bad.hex'], { 'bad.hex': 'zz' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toMatchObject({ code: 'INSCRIPTION_NOT_HEX' });
  });

  it('when the transaction is cut short: exits 1 with INSCRIPTION_TX_TRUNCATED', async () => {
    const r = await cli(['inscriptions', 'cut.hex'], { 'cut.hex': vector.hex.slice(0, 200) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toMatchObject({ code: 'INSCRIPTION_TX_TRUNCATED' });
  });

  it('when the file does not exist: exits 2', async () => {
    const r = await cli(['inscriptions', 'missing.hex']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ENOENT');
  });

  it('when no input or two inputs are named: exits 2 with usage', async () => {
    expect((await cli(['inscriptions'])).code).toBe(2);
    expect((await cli(['inscriptions', 'a', 'b'], { a: '', b: '' })).code).toBe(2);
  });

  it('when given an unknown option: exits 2', async () => {
    expect((await cli(['inscriptions', '--nope', 'tx.hex'], { 'tx.hex': vector.hex })).code).toBe(2);
  });

  it('when asked for help: prints it and exits 0', async () => {
    const r = await cli(['inscriptions', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: drey-verify inscriptions');
  });
});
