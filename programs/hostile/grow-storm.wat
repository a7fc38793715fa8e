;; expect: PROGRAM_MEMORY_LIMIT
;; Declares no maximum and grows one page at a time until memory.grow fails, then traps.
;; The host lowers the maximum to its cap, so growth stops there.
(module
  (memory (export "memory") 16)
  (func (export "abi_version") (result i32) (i32.const 1))
  (func (export "prepare") (param i32 i32 i32) (result i32) (i32.const 0))
  (func (export "error_row") (result i32) (i32.const -1))
  (func (export "column") (param $id i32) (result i32)
    (i32.add (i32.const 1024) (i32.mul (local.get $id) (i32.const 65536))))
  (func (export "run") (param i32) (result i32)
    (loop $grow
      (br_if $grow (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (unreachable)))
