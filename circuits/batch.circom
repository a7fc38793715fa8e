// One batch of the monthly allocation (docs/allocation-formula.md, v1): commitments and arithmetic of B = 4^LEVELS rows.
pragma circom 2.1.0;

include "circomlib/circuits/poseidon.circom";
include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";

// Q: parts per billion. Every Dreybit amount is < 2^53; q <= Q/2 < 2^29; remainders of division by Q - q are < 2^30.
function RATE_ONE() { return 1000000000; }
function RATE_MAX() { return 500000000; }
function AMOUNT_BITS() { return 53; }
// userIdField("drey:reserve") = int(first 31 bytes of sha256(utf8("drey:reserve"))).
function RESERVE_UID() { return 145791155713303047564825462336947380331763544347298846206672385048870385501; }

// x < 2^n (x seen as an integer in [0, r)).
template Bits(n) {
    signal input x;
    component b = Num2Bits(n);
    b.in <== x;
}

// Merkle root of 4^LEVELS leaves with Poseidon(c0, c1, c2, c3) nodes.
template QuadRoot(LEVELS) {
    var N = 4 ** LEVELS;
    signal input leaves[N];
    signal output root;
    var count = (N - 1) \ 3;
    component node[count > 0 ? count : 1];
    var level[N];
    for (var i = 0; i < N; i++) level[i] = leaves[i];
    var width = N;
    var k = 0;
    while (width > 1) {
        for (var j = 0; j < width \ 4; j++) {
            node[k] = Poseidon(4);
            for (var c = 0; c < 4; c++) node[k].inputs[c] <== level[4 * j + c];
            level[j] = node[k].out;
            k++;
        }
        width = width \ 4;
    }
    root <== level[0];
}

// One row: its three leaves, its weight, its share and its new allocation.
template Row() {
    signal input month;
    signal input F;
    signal input W;
    signal input wIsZero;       // 1 iff W = 0 (computed once per batch)
    signal input reserve;       // 1 iff this is row 0 of batch 0; the reserve row receives R
    signal input R;

    signal input uid;
    signal input isNew;         // the row was padding in the previous table
    signal input prevAlloc;
    signal input alive;
    signal input deposit;
    signal input q;
    signal input w;             // alive ? floor(prevAlloc * q / (Q - q)) : 0
    signal input wRem;
    signal input share;         // W > 0 ? floor(F * w / W) : 0
    signal input shareRem;

    signal output prevLeaf;
    signal output inputsLeaf;
    signal output newLeaf;
    signal output forfeited;
    signal output newAlloc;

    var Q = RATE_ONE();
    var A = AMOUNT_BITS();

    // Bits and the rule that a new member's row held nothing last month.
    isNew * (isNew - 1) === 0;
    alive * (alive - 1) === 0;
    isNew * prevAlloc === 0;

    // Ranges: amounts < 2^53, 0 <= q <= Q/2.
    Bits(A)(prevAlloc);
    Bits(A)(deposit);
    Bits(29)(q);
    Bits(29)(RATE_MAX() - q);

    // A deceased member deposits nothing.
    alive * deposit === deposit;

    // The reserve row is the reserve: always alive, q = 0, no deposit.
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

    signal prevUid <== uid * (1 - isNew);
    prevLeaf <== Poseidon(3)([month - 1, prevUid, prevAlloc]);
    inputsLeaf <== Poseidon(4)([uid, alive, deposit, q]);
    newLeaf <== Poseidon(3)([month, uid, newAlloc]);
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
    signal input isNew[B];
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

    component prevTree = QuadRoot(LEVELS);
    component inputsTree = QuadRoot(LEVELS);
    component newTree = QuadRoot(LEVELS);
    component row[B];
    var sumF = 0;
    var sumW = 0;
    var sumS = 0;
    for (var i = 0; i < B; i++) {
        row[i] = Row();
        row[i].month <== month;
        row[i].F <== F;
        row[i].W <== W;
        row[i].wIsZero <== wIsZero;
        row[i].reserve <== i == 0 ? firstBatch : 0;
        row[i].R <== R;
        row[i].uid <== uid[i];
        row[i].isNew <== isNew[i];
        row[i].prevAlloc <== prevAlloc[i];
        row[i].alive <== alive[i];
        row[i].deposit <== deposit[i];
        row[i].q <== q[i];
        row[i].w <== w[i];
        row[i].wRem <== wRem[i];
        row[i].share <== share[i];
        row[i].shareRem <== shareRem[i];
        prevTree.leaves[i] <== row[i].prevLeaf;
        inputsTree.leaves[i] <== row[i].inputsLeaf;
        newTree.leaves[i] <== row[i].newLeaf;
        sumF += row[i].forfeited;
        sumW += w[i];
        sumS += share[i];
    }
    prevTree.root === prevBatchRoot;
    inputsTree.root === inputsBatchRoot;
    newTree.root === newBatchRoot;
    partialF === sumF;
    partialW === sumW;
    partialS === sumS;
}
