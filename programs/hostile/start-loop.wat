;; expect: PROGRAM_TIMEOUT
;; The start function never returns, so instantiation itself hangs.
(module
  (memory (export "memory") 16 16)
  (func (export "abi_version") (result i32) (i32.const 1))
  (func (export "prepare") (param i32 i32 i32) (result i32) (i32.const 0))
  (func (export "error_row") (result i32) (i32.const -1))
  (func (export "column") (param $id i32) (result i32)
    (i32.add (i32.const 1024) (i32.mul (local.get $id) (i32.const 65536))))
  (func (export "run") (param i32) (result i32) (i32.const 0))
  (func $spin (loop $forever (br $forever)))
  (start $spin))
