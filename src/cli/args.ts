/** The commands' shared argument conventions: strict options, -h/--help, usage errors that repeat the help, common options. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isNetworkName, type NetworkName } from '../core/chain/network';
import { EXIT, UsageError, type CliIO } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = Pick<ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>>, 'values' | 'positionals'>;

/**
 * Parse a command's arguments (unknown options are usage errors). With -h or --help the help is printed and the
 * result is the exit code to return; otherwise the options and positionals.
 */
export function commandArgs<const O extends Options>(io: CliIO, args: string[], options: O, help: string): Parsed<O> | number {
  const all: Options = { ...options, help: { type: 'boolean', short: 'h' } };
  const { values, positionals } = parseArgs({ args, options: all, strict: true, allowPositionals: true });
  if (values.help === true) {
    io.stdout(help);
    return EXIT.VERIFIED;
  }
  return { values, positionals } as unknown as Parsed<O>;
}

/** A usage error whose message is followed by the command's help. */
export function usage(message: string, help: string): UsageError {
  return new UsageError(`${message}\n\n${help}`);
}

/** `--network NET` (default mainnet; 'testnet3' is testnet). */
export function networkOption(value: string | undefined, help: string): NetworkName {
  const name = value === undefined ? 'mainnet' : value === 'testnet3' ? 'testnet' : value;
  if (!isNetworkName(name)) throw usage(`unknown network "${value}"`, help);
  return name;
}

/** `--esplora URL[,URL…]`: the hosts, in order. */
export function hostsOption(value: string): string[] {
  return value.split(',').map((h) => h.trim()).filter(Boolean);
}

/** An integer option from `min` to `max` (absent: undefined). */
export function integerOption(name: string, value: string | undefined, min: number, max = 999_999_999): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return Number(value);
}
