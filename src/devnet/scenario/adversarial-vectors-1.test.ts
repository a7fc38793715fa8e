/**
 * Adversarial vectors (vectors/adversarial, written by `npm run vectors:adversarial`), shard 1 of SHARDS: each ends as
 * its expected.json says — a rejected month's FIRST failing check carries the vector's code; a verified month carries
 * its penalty and lists its information codes (vector-run.test-util.ts).
 */
import { describeVectorShard } from './vector-run.test-util';

describeVectorShard(1);
