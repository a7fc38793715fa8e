// One batch of the monthly allocation (docs/allocation-formula.md, v2): commitments and arithmetic of B = 4^LEVELS rows.
pragma circom 2.1.0;

include "circomlib/circuits/poseidon.circom";
include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";

// Q: parts per billion. Every Dreybit amount is < 2^53; remainders of division by Q - q are < 2^30.
function RATE_ONE() { return 1000000000; }
function AMOUNT_BITS() { return 53; }
// Field elements absorbed per Poseidon permutation of a commitment (circomlib's widest: t = 17).
function SPONGE_RATE() { return 16; }
// userIdField("drey:reserve") = int(first 31 bytes of sha256(utf8("drey:reserve"))).
function RESERVE_UID() { return 145791155713303047564825462336947380331763544347298846206672385048870385501; }

// x < 2^n (x seen as an integer in [0, r)).
template Bits(n) {
    signal input x;
    component b = Num2Bits(n);
    b.in <== x;
}

// The commitment of docs/allocation-formula.md: N elements absorbed 16 at a time, each permutation's capacity element
// (circomlib's initialState) the previous permutation's output, the first one's `init`; the last chunk may be shorter.
template Commitment(N) {
    signal input init;
    signal input in[N];
    signal output out;
    var RATE = SPONGE_RATE();
    var chunks = (N + RATE - 1) \ RATE;
    signal chain[chunks + 1];
    chain[0] <== init;
    component p[chunks];
    for (var k = 0; k < chunks; k++) {
        var len = k == chunks - 1 ? N - RATE * k : RATE;
        p[k] = PoseidonEx(len, 1);
        p[k].initialState <== chain[k];
        for (var j = 0; j < len; j++) p[k].inputs[j] <== in[RATE * k + j];
        chain[k + 1] <== p[k].out[0];
    }
    out <== chain[chunks];
}

// One row: its weight, its share and its new allocation. prevAlloc, alive, deposit and q are bound by the batch's
// previous and inputs commitments, which the verifier recomputes from published tables whose parsers bound them
// (amounts < 2^53, alive a bit, q <= Q/2): see circuits/README.md, "Soundness".
template Row() {
    signal input F;
    signal input W;
    signal input wIsZero;       // 1 iff W = 0 (computed once per batch)
    signal input reserve;       // 1 iff this is row 0 of batch 0; the reserve row receives R
    signal input R;

    signal input uid;
    signal input prevAlloc;
    signal input alive;
    signal input deposit;
    signal input q;
    signal input w;             // alive ? floor(prevAlloc * q / (Q - q)) : 0
    signal input wRem;
    signal input share;         // W > 0 ? floor(F * w / W) : 0
    signal input shareRem;

    signal output forfeited;
    signal output newAlloc;

    var Q = RATE_ONE();
    var A = AMOUNT_BITS();

    alive * (alive - 1) === 0;
    // A deceased member deposits nothing.
    alive * deposit === deposit;

    // The reserve row is the reserve: always alive, q = 0.
    reserve * (1 - alive) === 0;
    reserve * q === 0;
    reserve * (uid - RESERVE_UID()) === 0;

    // Weight: alive * prevAlloc * q = w * (Q - q) + wRem, 0 <= wRem < Q - q.
    signal kept <== alive * prevAlloc;
    signal keptRate <== kept * q;
    keptRate === w * (Q - q) + wRem;
    Bits(A)(w);
    Bits(30)(wRem);
    Bits(30)(Q - q - 1 - wRem);

    // Share: F * w = share * W + shareRem, 0 <= shareRem < W; share = 0 when W = 0.
    signal fw <== F * w;
    fw === share * W + shareRem;
    Bits(A)(share);
    Bits(A)(shareRem);
    Bits(A)(W - 1 + wIsZero - shareRem);
    share * wIsZero === 0;

    // A deceased row has w = 0, hence share = 0 and kept = 0: its new allocation is 0.
    forfeited <== prevAlloc - kept;
    signal reserveGets <== reserve * R;
    newAlloc <== kept + deposit + share + reserveGets;
}

template Batch(LEVELS) {
    var B = 4 ** LEVELS;
    var A = AMOUNT_BITS();

    // Public inputs, in this order (see circuits/README.md).
    signal input month;
    signal input batchIndex;
    signal input prevBatchRoot;
    signal input inputsBatchRoot;
    signal input newBatchRoot;
    signal input F;
    signal input W;
    signal input R;
    signal input partialF;
    signal input partialW;
    signal input partialS;

    // Private witness, one entry per row.
    signal input uid[B];
    signal input prevAlloc[B];
    signal input alive[B];
    signal input deposit[B];
    signal input q[B];
    signal input w[B];
    signal input wRem[B];
    signal input share[B];
    signal input shareRem[B];

    Bits(A)(F);
    Bits(A)(W);
    Bits(A)(R);
    signal wIsZero <== IsZero()(W);
    signal firstBatch <== IsZero()(batchIndex);

    component prev = Commitment(B);
    component inputs = Commitment(4 * B);
    component next = Commitment(2 * B);
    prev.init <== month - 1;
    inputs.init <== month;
    next.init <== month;
    component row[B];
    var sumF = 0;
    var sumW = 0;
    var sumS = 0;
    for (var i = 0; i < B; i++) {
        row[i] = Row();
        row[i].F <== F;
        row[i].W <== W;
        row[i].wIsZero <== wIsZero;
        row[i].reserve <== i == 0 ? firstBatch : 0;
        row[i].R <== R;
        row[i].uid <== uid[i];
        row[i].prevAlloc <== prevAlloc[i];
        row[i].alive <== alive[i];
        row[i].deposit <== deposit[i];
        row[i].q <== q[i];
        row[i].w <== w[i];
        row[i].wRem <== wRem[i];
        row[i].share <== share[i];
        row[i].shareRem <== shareRem[i];
        prev.in[i] <== prevAlloc[i];
        inputs.in[4 * i] <== uid[i];
        inputs.in[4 * i + 1] <== alive[i];
        inputs.in[4 * i + 2] <== deposit[i];
        inputs.in[4 * i + 3] <== q[i];
        next.in[2 * i] <== uid[i];
        next.in[2 * i + 1] <== row[i].newAlloc;
        sumF += row[i].forfeited;
        sumW += w[i];
        sumS += share[i];
    }
    prev.out === prevBatchRoot;
    inputs.out === inputsBatchRoot;
    next.out === newBatchRoot;
    partialF === sumF;
    partialW === sumW;
    partialS === sumS;
}
