;; expect: PROGRAM_BAD_LAYOUT
;; column() returns -8, which reads as 4294967288 unsigned.
(module
  (memory (export "memory") 16 16)
  (func (export "abi_version") (result i32) (i32.const 1))
  (func (export "prepare") (param i32 i32 i32) (result i32) (i32.const 0))
  (func (export "error_row") (result i32) (i32.const -1))
  (func (export "column") (param i32) (result i32) (i32.const -8))
  (func (export "run") (param i32) (result i32) (i32.const 0)))
