/**
 * drey-verify pack M: month M's pack (docs/protocol.md §2.4.2) — the immutable chain data a check of that month reads
 * at one depth — printed as JSON, to publish next to the app (`month-M.quick.json`, `month-M.full.json`) so that a
 * verifier's cold check asks the hosts only what a pack cannot prove. Only a settled month (verified or rejected)
 * gets a pack. Exit 0 printed, 2 usage, 3 unavailable, 4 pending.
 */
import { encodePack } from '../../core/esplora/pack';
import { buildMonthPack } from '../../core/month-pack';
import { commandArgs, usage } from '../args';
import { EXIT, printJson, type CliIO } from '../io';
import { MONTH_OPTIONS, errorExit, monthSetup } from './month';

export const PACK_HELP = `usage:
  drey-verify pack M --esplora URL[,URL…] --genesis ID [--network NET] [--depth quick|full] [--rps N] [--deadline S]
                     [--checkpoint H:HASH] [--json]

Prints month M's pack: the raw transactions, block headers, blocks' txid lists and Merkle branches a check of month M
reads at that depth (default quick), as JSON, for any depositor. Publish it as month-M.<depth>.json where verifiers
look for packs (the app's and the widget's "packs" setting, the CLI's --packs). A pack is trusted for nothing: a
verifier re-checks every entry it reads exactly as a host's answer, and still asks the hosts for the tip, the best
chain at each height, spends and listings. The month is verified twice to build it; only a verified or rejected month
gets a pack (exit 3 unavailable, 4 pending, with the reason; --json prints it as JSON).
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(io, args, MONTH_OPTIONS, PACK_HELP);
  if (typeof parsed === 'number') return parsed;
  const [month, ...more] = parsed.positionals;
  if (month === undefined || more.length > 0 || !/^[1-9]\d{0,5}$/.test(month)) throw usage('pack M: M is a month number 1, 2, 3…', PACK_HELP);
  if (parsed.values.user !== undefined || parsed.values.packs !== undefined || parsed.values.cache !== undefined) throw usage('pack takes no --user, --packs or --cache: a pack holds what any check of the month reads, fetched afresh', PACK_HELP);
  const setup = monthSetup({ ...parsed.values, depth: parsed.values.depth ?? 'quick', 'no-cache': true }, io, false);
  const depth = setup.base.depth;
  try {
    const built = await buildMonthPack({ ...setup.base, clientWith: setup.clientWith, month: Number(month), depth });
    if (!built.pack) {
      if (setup.json) printJson(io, { ok: false, month: Number(month), verdict: built.verdict, reason: built.reason });
      else io.stderr(`drey-verify pack: month ${month} is ${built.verdict} (${built.reason}): no pack\n`);
      return built.verdict === 'pending' ? EXIT.PENDING : EXIT.UNAVAILABLE;
    }
    io.stdout(encodePack(built.pack));
    return EXIT.VERIFIED;
  } catch (e) {
    return errorExit(e, io, setup.json);
  }
}
