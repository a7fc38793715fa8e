import { describe, expect, it } from 'vitest';
import { commandArgs, hostsOption, integerOption, networkOption, usage } from './args';
import { UsageError, type CliIO } from './io';

const io = (): CliIO & { out: string[] } => {
  const out: string[] = [];
  return { out, stdout: (t) => out.push(t), stderr: () => undefined, readInput: () => Promise.reject(new Error('none')), fetch: globalThis.fetch, cacheDir: null };
};

describe('when a command is asked for help', () => {
  it('prints its help and returns exit 0, with -h and --help alike', () => {
    for (const flag of ['-h', '--help']) {
      const x = io();
      expect(commandArgs(x, [flag], { depth: { type: 'string' } }, 'HELP')).toBe(0);
      expect(x.out).toEqual(['HELP']);
    }
  });
});

describe('when a command gets its options', () => {
  it('returns them with the positionals; an unknown option is an error', () => {
    expect(commandArgs(io(), ['3', '--depth', 'quick'], { depth: { type: 'string' } }, 'HELP')).toEqual({ values: { depth: 'quick' }, positionals: ['3'] });
    expect(() => commandArgs(io(), ['--deep'], { depth: { type: 'string' } }, 'HELP')).toThrow(expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }));
  });
  it('a usage error repeats the help', () => {
    expect(usage('bad', 'HELP')).toEqual(new UsageError('bad\n\nHELP'));
  });
});

describe('when the shared options are read', () => {
  it('--network defaults to mainnet, takes testnet3 for testnet, refuses other names', () => {
    expect(networkOption(undefined, '')).toBe('mainnet');
    expect(networkOption('testnet3', '')).toBe('testnet');
    expect(() => networkOption('litecoin', '')).toThrow(UsageError);
  });
  it('--esplora splits hosts on commas and drops blanks; integers are whole and at least the minimum', () => {
    expect(hostsOption(' http://a , http://b,,')).toEqual(['http://a', 'http://b']);
    expect(integerOption('rps', undefined, 1)).toBeUndefined();
    expect(integerOption('rps', '50', 1)).toBe(50);
    for (const bad of ['0', '0.5', '-1', '1e3', '']) expect(() => integerOption('rps', bad, 1), bad).toThrow(UsageError);
  });
});
