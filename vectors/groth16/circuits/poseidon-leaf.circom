pragma circom 2.1.0;

include "circomlib/circuits/poseidon.circom";

// A table leaf Poseidon(month, userIdField, allocation) with month and leaf public: 2 public signals.
template PoseidonLeaf() {
    signal input month;
    signal input userIdField;
    signal input allocation;
    signal output leaf;

    component h = Poseidon(3);
    h.inputs[0] <== month;
    h.inputs[1] <== userIdField;
    h.inputs[2] <== allocation;
    leaf <== h.out;
}

component main {public [month]} = PoseidonLeaf();
