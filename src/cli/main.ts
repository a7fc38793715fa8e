/** drey-verify: dispatch to one command module; exit code 0 verified, 1 rejected, 2 usage, 3 unavailable, 4 pending. */
import { EXIT, UsageError, nodeIO, type CliIO } from './io';

type Command = (args: string[], io: CliIO) => Promise<number>;

/** Commands load lazily so `drey-verify inscriptions` does not pull in the proof verifier. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  inscriptions: { summary: 'parse ord envelopes of a raw transaction (hex file or -)', load: async () => (await import('./commands/inscriptions')).run },
  spv: { summary: 'verify a transaction\'s inclusion: live (--esplora) or offline (--header --tx --proof)', load: async () => (await import('./commands/spv')).run },
  proof: { summary: 'verify a Groth16 proof (snarkjs JSON: --vkey F --proof F --public F)', load: async () => (await import('./commands/proof')).run },
  month: { summary: 'verify month M of a Drey instance (--esplora URLs --genesis ID [--depth quick|full --user ID])', load: async () => (await import('./commands/month')).run },
  pack: { summary: 'print month M\'s pack: the chain data a check of it reads, to publish next to the app (options as month)', load: async () => (await import('./commands/pack')).run },
  all: { summary: 'verify every month up to the tip and rank the actuaries (options as month)', load: async () => (await import('./commands/all')).run },
};

export const USAGE = `usage: drey-verify <command> [options]

commands:
${Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(14)}${c.summary}`).join('\n')}

exit codes: 0 verified, 1 rejected, 2 usage error, 3 unavailable (the hosts could not give or agree on the data), 4 pending
`;

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? EXIT.VERIFIED : EXIT.USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`drey-verify: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.USAGE;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      io.stderr(`drey-verify ${name}: ${(e as Error).message}\n`);
      return EXIT.USAGE;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code && typeof err.syscall === 'string') {
      io.stderr(`drey-verify ${name}: ${err.message}\n`);
      return EXIT.USAGE;
    }
    throw e;
  }
}
