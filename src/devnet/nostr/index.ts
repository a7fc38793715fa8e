/** The devnet's nostr side: local relay, ROAST-coordinated FROST signing, actuary presence (profiles, round status). */
export { startRelay, type LocalRelay, type RelayOptions } from './relay';
export { frostDkg, type FrostGroup, type FrostMember } from './dkg';
export { roastSign, RoastError, type RoastResult, type RoastSigner, type RoastSignOptions } from './roast';
export type { SignerBehaviour } from './roast-signer';
export { blameFromTranscript, type Blame } from './roast-transcript';
export { publishProfile, publishRoundStatus, nodePool, type PublishTarget, type RoundStatus } from './presence';
export { seededSecretKey } from './seeded';
export { connectRelay, NodeWebSocket } from './ws-client';
