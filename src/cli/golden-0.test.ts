/** Golden reports (golden.test-util.ts), shard 0 of GOLDEN_SHARDS: every chain's reports byte-identical to vectors/golden-reports/. */
import { describeGoldenShard } from './golden.test-util';

describeGoldenShard(0);
