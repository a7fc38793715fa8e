pragma circom 2.1.0;

// Six public values and six private weights; outputs the weighted sum and the product of the values: 8 public signals.
template WeightedSum(n) {
    signal input values[n];
    signal input weights[n];
    signal output total;
    signal output product;

    signal partial[n + 1];
    signal running[n + 1];
    partial[0] <== 0;
    running[0] <== 1;
    for (var i = 0; i < n; i++) {
        partial[i + 1] <== partial[i] + values[i] * weights[i];
        running[i + 1] <== running[i] * values[i];
    }
    total <== partial[n];
    product <== running[n];
}

component main {public [values]} = WeightedSum(6);
