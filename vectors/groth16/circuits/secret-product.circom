pragma circom 2.1.0;

// Knowledge of two factors of 391: no public inputs at all (the verifying key's IC has one point).
template SecretProduct() {
    signal input a;
    signal input b;
    signal ab;
    ab <== a * b;
    ab === 391;
}

component main = SecretProduct();
