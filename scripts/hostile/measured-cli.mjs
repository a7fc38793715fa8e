// drey-verify with its peak memory: runs the command line as bin/drey-verify.mjs does, then prints the process's
// peak resident set size (worker threads included) on stderr as `[measured] maxrss_kib=N`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../../src/cli/main.ts');
process.on('exit', () => process.stderr.write(`\n[measured] maxrss_kib=${process.resourceUsage().maxRSS}\n`));
process.exitCode = await main(process.argv.slice(2));
