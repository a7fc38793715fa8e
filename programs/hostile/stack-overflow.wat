;; expect: PROGRAM_TRAP
;; run() recurses without end until the engine's stack limit.
(module
  (memory (export "memory") 16 16)
  (func (export "abi_version") (result i32) (i32.const 1))
  (func (export "prepare") (param i32 i32 i32) (result i32) (i32.const 0))
  (func (export "error_row") (result i32) (i32.const -1))
  (func (export "column") (param $id i32) (result i32)
    (i32.add (i32.const 1024) (i32.mul (local.get $id) (i32.const 65536))))
  (func $down (param i32) (result i32) (call $down (i32.add (local.get 0) (i32.const 1))))
  (func (export "run") (param i32) (result i32) (call $down (local.get 0))))
