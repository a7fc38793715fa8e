/** drey-verify inscriptions <file|->: the ord inscriptions a raw transaction (hex) creates, as a JSON array. */
import { parseArgs } from 'node:util';
import { isVerifyError } from '../../core/errors';
import { inscriptionsFromTxHex, summaryFromInscription } from '../../core/inscription';
import { EXIT, UsageError, printJson, type CliIO } from '../io';

const HELP = `usage: drey-verify inscriptions <file|->

Reads a raw transaction as hex (a file, or standard input for -; whitespace is ignored) and prints every inscription
it reveals, as ord indexes them: id, input, offset, content type and encoding, metaprotocol, pointer, parents,
metadata (hex), body length and sha256, curse flags. Exit 0 parsed, 1 not a valid transaction, 2 usage or I/O error.
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout(HELP);
    return EXIT.VERIFIED;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one input (a file or -), got ${positionals.length}\n\n${HELP}`);
  const raw = await io.readInput(positionals[0]!);
  const hex = new TextDecoder().decode(raw).replace(/\s+/g, '');
  try {
    const { inscriptions } = inscriptionsFromTxHex(hex);
    printJson(io, inscriptions.map(summaryFromInscription));
    return EXIT.VERIFIED;
  } catch (e) {
    if (!isVerifyError(e)) throw e;
    io.stderr(JSON.stringify(e.toJSON()) + '\n');
    return EXIT.REJECTED;
  }
}
