/** drey-verify proof: checks one proof (snarkjs JSON files, any circuit) with the proof system a genesis would name. */
import { explainCode } from '../../core/code-help';
import { VerifyError, type VerifyCode } from '../../core/errors';
import { proofSystemFor } from '../../core/proof/proof-system';
import { GROTH16_BN254_SNARKJS_V1 } from '../../core/proof/groth16-system';
import { commandArgs, usage } from '../args';
import { EXIT, type CliIO } from '../io';

const HELP = `usage: drey-verify proof --vkey FILE --proof FILE --public FILE [--system ID]

  --vkey     verification key (snarkjs verification_key.json)
  --proof    proof (snarkjs proof.json)
  --public   public signals (snarkjs public.json)
  --system   proof system id (default ${GROTH16_BN254_SNARKJS_V1})

exit codes: 0 valid, 1 invalid (the coded reason is printed), 2 usage or I/O error
`;

function parseJson(bytes: Uint8Array, path: string, code: VerifyCode, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (e) {
    throw new VerifyError(code, `${what} (${path}) is not JSON: ${(e as Error).message}`, { file: path });
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(io, args, { vkey: { type: 'string' }, proof: { type: 'string' }, public: { type: 'string' }, system: { type: 'string', default: GROTH16_BN254_SNARKJS_V1 } }, HELP);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw usage(`unexpected argument "${positionals[0]}"`, HELP);
  if (!values.vkey || !values.proof || !values.public || !values.system) throw usage('--vkey, --proof and --public are required', HELP);
  // Unreadable files are I/O errors (exit 2, raised to the dispatcher); unparseable contents are rejections.
  const vkeyBytes = await io.readInput(values.vkey);
  const proofBytes = await io.readInput(values.proof);
  const publicBytes = await io.readInput(values.public);
  try {
    const system = proofSystemFor(values.system);
    const key = system.parseVerifyingKey(parseJson(vkeyBytes, values.vkey, 'PROOF_MALFORMED_VKEY', 'the verification key'));
    const proof = system.parseProof(parseJson(proofBytes, values.proof, 'PROOF_MALFORMED_PROOF', 'the proof'));
    const inputs = system.parsePublicSignals(parseJson(publicBytes, values.public, 'PROOF_MALFORMED_PUBLIC', 'the public signals'));
    system.verify(key, proof, inputs);
    io.stdout(`valid: ${system.id} proof verifies with ${inputs.length} public input${inputs.length === 1 ? '' : 's'}\n`);
    return EXIT.VERIFIED;
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    io.stdout(`invalid: ${e.code}: ${e.message}\n  ${explainCode(e.code).what}\n`);
    return EXIT.REJECTED;
  }
}
