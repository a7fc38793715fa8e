/** drey-verify inscriptions <file|->: the ord inscriptions a raw transaction (hex) creates, as a JSON array. */
import { isVerifyError } from '../../core/errors';
import { inscriptionsFromTxHex, summaryFromInscription } from '../../core/inscription';
import { commandArgs, usage } from '../args';
import { EXIT, printJson, type CliIO } from '../io';

const HELP = `usage: drey-verify inscriptions <file|->

Reads a raw transaction as hex (a file, or standard input for -; whitespace is ignored) and prints every inscription
it reveals, as ord indexes them: id, input, offset, content type and encoding, metaprotocol, pointer, parents,
metadata (hex), body length and sha256, curse flags. Exit 0 parsed, 1 not a valid transaction, 2 usage or I/O error.
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(io, args, {}, HELP);
  if (typeof parsed === 'number') return parsed;
  const [input, ...more] = parsed.positionals;
  if (input === undefined || more.length > 0) throw usage(`expected one input (a file or -), got ${parsed.positionals.length}`, HELP);
  const raw = await io.readInput(input);
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
