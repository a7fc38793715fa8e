(module
 (type $0 (func (param i32) (result i32)))
 (type $1 (func (result i32)))
 (type $2 (func (param i64 i64 i64) (result i64)))
 (type $3 (func (param i32 i32 i32) (result i32)))
 (global $programs/allocation/assembly/index/rows (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/prevRows (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/geographies (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/prepared (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/errorRow (mut i32) (i32.const -1))
 (global $programs/allocation/assembly/index/pPrevious (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pAlive (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pDeposit (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pDob (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pSex (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pGeography (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pMortality (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pNew (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pQ (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pW (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pShare (mut i32) (i32.const 0))
 (global $programs/allocation/assembly/index/pTotals (mut i32) (i32.const 0))
 (memory $0 0 1024)
 (export "abi_version" (func $programs/allocation/assembly/index/abi_version))
 (export "prepare" (func $programs/allocation/assembly/index/prepare))
 (export "column" (func $programs/allocation/assembly/index/column))
 (export "error_row" (func $programs/allocation/assembly/index/error_row))
 (export "run" (func $programs/allocation/assembly/index/run))
 (export "memory" (memory $0))
 (func $programs/allocation/assembly/index/validDate (param $0 i32) (result i32)
  (local $1 i32)
  (local $2 i32)
  local.get $0
  i32.const 100
  i32.rem_u
  local.tee $2
  i32.eqz
  local.get $0
  i32.const 100
  i32.div_u
  i32.const 100
  i32.rem_u
  local.tee $1
  i32.eqz
  local.get $0
  i32.const 10000
  i32.div_u
  local.tee $0
  i32.eqz
  local.get $0
  i32.const 9999
  i32.gt_u
  i32.or
  i32.or
  local.get $1
  i32.const 12
  i32.gt_u
  i32.or
  i32.or
  if
   i32.const 0
   return
  end
  local.get $1
  i32.const 2
  i32.eq
  if (result i32)
   i32.const 28
   i32.const 29
   local.get $0
   i32.const 3
   i32.and
   if (result i32)
    i32.const 1
   else
    local.get $0
    i32.const 100
    i32.rem_u
    if (result i32)
     i32.const 0
    else
     local.get $0
     i32.const 400
     i32.rem_u
    end
   end
   select
  else
   i32.const 30
   i32.const 31
   local.get $1
   i32.const 6
   i32.eq
   local.get $1
   i32.const 4
   i32.eq
   i32.or
   local.get $1
   i32.const 9
   i32.eq
   i32.or
   local.get $1
   i32.const 11
   i32.eq
   i32.or
   select
  end
  local.get $2
  i32.ge_u
 )
 (func $programs/allocation/assembly/index/mulDiv (param $0 i64) (param $1 i64) (param $2 i64) (result i64)
  (local $3 i64)
  (local $4 i64)
  (local $5 i64)
  (local $6 i64)
  (local $7 i64)
  (local $8 i64)
  local.get $0
  i64.const 4294967295
  i64.and
  local.tee $3
  local.get $1
  i64.const 4294967295
  i64.and
  local.tee $4
  i64.mul
  local.tee $5
  i64.const 4294967295
  i64.and
  local.get $1
  i64.const 32
  i64.shr_u
  local.tee $1
  local.get $3
  i64.mul
  local.tee $3
  i64.const 4294967295
  i64.and
  local.get $5
  i64.const 32
  i64.shr_u
  i64.add
  local.get $0
  i64.const 32
  i64.shr_u
  local.tee $0
  local.get $4
  i64.mul
  local.tee $4
  i64.const 4294967295
  i64.and
  i64.add
  local.tee $5
  i64.const 32
  i64.shl
  i64.or
  local.set $6
  local.get $0
  local.get $1
  i64.mul
  local.get $3
  i64.const 32
  i64.shr_u
  i64.add
  local.get $4
  i64.const 32
  i64.shr_u
  i64.add
  local.get $5
  i64.const 32
  i64.shr_u
  i64.add
  local.tee $0
  i64.eqz
  if
   local.get $6
   local.get $2
   i64.div_u
   return
  end
  local.get $2
  local.get $2
  i64.clz
  local.tee $1
  i64.shl
  local.tee $4
  i64.const 32
  i64.shr_u
  local.set $5
  local.get $6
  local.get $1
  i64.shl
  local.tee $2
  i64.const 32
  i64.shr_u
  local.set $3
  local.get $4
  i64.const 4294967295
  i64.and
  local.set $7
  local.get $2
  i64.const 4294967295
  i64.and
  local.set $8
  local.get $1
  i64.const 0
  i64.ne
  if
   local.get $0
   local.get $1
   i64.shl
   local.get $6
   i64.const 64
   local.get $1
   i64.sub
   i64.shr_u
   i64.or
   local.set $0
  end
  local.get $0
  local.get $5
  local.get $0
  local.get $5
  i64.div_u
  local.tee $1
  i64.mul
  i64.sub
  local.set $2
  loop $while-continue|0
   local.get $1
   i64.const 4294967296
   i64.ge_u
   if (result i32)
    i32.const 1
   else
    local.get $2
    i64.const 32
    i64.shl
    local.get $3
    i64.add
    local.get $1
    local.get $7
    i64.mul
    i64.lt_u
   end
   if
    block $while-break|0
     local.get $1
     i64.const 1
     i64.sub
     local.set $1
     local.get $2
     local.get $5
     i64.add
     local.tee $2
     i64.const 4294967296
     i64.ge_u
     br_if $while-break|0
     br $while-continue|0
    end
   end
  end
  local.get $0
  i64.const 32
  i64.shl
  local.get $3
  i64.add
  local.get $1
  local.get $4
  i64.mul
  i64.sub
  local.tee $2
  local.get $5
  i64.div_u
  local.set $0
  local.get $2
  local.get $0
  local.get $5
  i64.mul
  i64.sub
  local.set $2
  loop $while-continue|1
   local.get $0
   i64.const 4294967296
   i64.ge_u
   if (result i32)
    i32.const 1
   else
    local.get $2
    i64.const 32
    i64.shl
    local.get $8
    i64.add
    local.get $0
    local.get $7
    i64.mul
    i64.lt_u
   end
   if
    block $while-break|1
     local.get $0
     i64.const 1
     i64.sub
     local.set $0
     local.get $2
     local.get $5
     i64.add
     local.tee $2
     i64.const 4294967296
     i64.ge_u
     br_if $while-break|1
     br $while-continue|1
    end
   end
  end
  local.get $1
  i64.const 32
  i64.shl
  local.get $0
  i64.add
 )
 (func $programs/allocation/assembly/index/run (param $0 i32) (result i32)
  (local $1 i64)
  (local $2 i32)
  (local $3 i64)
  (local $4 i64)
  (local $5 i64)
  (local $6 i32)
  (local $7 i64)
  (local $8 i32)
  (local $9 i64)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  i32.const -1
  global.set $programs/allocation/assembly/index/errorRow
  global.get $programs/allocation/assembly/index/prepared
  i32.eqz
  if
   i32.const 1
   return
  end
  local.get $0
  i32.const 0
  i32.lt_s
  if (result i32)
   i32.const 0
  else
   local.get $0
   call $programs/allocation/assembly/index/validDate
  end
  i32.eqz
  if
   i32.const -1
   global.set $programs/allocation/assembly/index/errorRow
   i32.const 2
   return
  end
  local.get $0
  i32.const 10000
  i32.div_u
  local.set $10
  local.get $0
  i32.const 10000
  i32.rem_u
  local.set $6
  global.get $programs/allocation/assembly/index/geographies
  i32.const 242
  i32.mul
  local.set $2
  i32.const 0
  local.set $0
  loop $for-loop|0
   local.get $0
   local.get $2
   i32.lt_s
   if
    global.get $programs/allocation/assembly/index/pMortality
    local.get $0
    i32.const 2
    i32.shl
    i32.add
    i32.load
    i32.const 500000000
    i32.gt_u
    if
     local.get $0
     global.set $programs/allocation/assembly/index/errorRow
     i32.const 3
     return
    end
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|0
   end
  end
  i32.const 0
  local.set $0
  loop $for-loop|1
   local.get $0
   global.get $programs/allocation/assembly/index/rows
   i32.lt_s
   if
    global.get $programs/allocation/assembly/index/pAlive
    local.get $0
    i32.add
    i32.load8_u
    local.set $8
    local.get $0
    i32.const 3
    i32.shl
    local.tee $2
    global.get $programs/allocation/assembly/index/pDeposit
    i32.add
    i64.load
    local.tee $1
    i64.const 9007199254740992
    i64.ge_u
    local.get $0
    global.get $programs/allocation/assembly/index/prevRows
    i32.lt_s
    if (result i64)
     global.get $programs/allocation/assembly/index/pPrevious
     local.get $2
     i32.add
     i64.load
    else
     i64.const 0
    end
    local.tee $9
    i64.const 9007199254740992
    i64.ge_u
    i32.or
    if
     local.get $0
     global.set $programs/allocation/assembly/index/errorRow
     i32.const 5
     return
    end
    local.get $8
    i32.const 1
    i32.gt_u
    if
     local.get $0
     global.set $programs/allocation/assembly/index/errorRow
     i32.const 6
     return
    end
    i32.const 0
    local.set $2
    local.get $0
    if
     global.get $programs/allocation/assembly/index/pSex
     local.get $0
     i32.add
     i32.load8_u
     local.tee $2
     i32.const 1
     i32.gt_u
     global.get $programs/allocation/assembly/index/pGeography
     local.get $0
     i32.const 1
     i32.shl
     i32.add
     i32.load16_u
     local.tee $11
     global.get $programs/allocation/assembly/index/geographies
     i32.ge_s
     i32.or
     if
      local.get $0
      global.set $programs/allocation/assembly/index/errorRow
      i32.const 6
      return
     end
     global.get $programs/allocation/assembly/index/pDob
     local.get $0
     i32.const 2
     i32.shl
     i32.add
     i32.load
     local.tee $12
     call $programs/allocation/assembly/index/validDate
     i32.eqz
     if
      local.get $0
      global.set $programs/allocation/assembly/index/errorRow
      i32.const 2
      return
     end
     local.get $10
     local.get $12
     i32.const 10000
     i32.div_u
     i32.sub
     local.get $12
     i32.const 10000
     i32.rem_u
     local.get $6
     i32.gt_u
     i32.sub
     local.tee $12
     i32.const 0
     i32.lt_s
     if
      local.get $0
      global.set $programs/allocation/assembly/index/errorRow
      i32.const 2
      return
     end
     local.get $8
     i32.eqz
     local.get $1
     i64.const 0
     i64.ne
     i32.and
     if
      local.get $0
      global.set $programs/allocation/assembly/index/errorRow
      i32.const 4
      return
     end
     global.get $programs/allocation/assembly/index/pMortality
     local.get $11
     i32.const 1
     i32.shl
     local.get $2
     i32.add
     i32.const 121
     i32.mul
     i32.const 120
     local.get $12
     local.get $12
     i32.const 120
     i32.gt_s
     select
     i32.add
     i32.const 2
     i32.shl
     i32.add
     i32.load
     local.set $2
    else
     local.get $8
     i32.const 1
     i32.ne
     local.get $1
     i64.const 0
     i64.ne
     i32.or
     if
      i32.const 0
      global.set $programs/allocation/assembly/index/errorRow
      i32.const 7
      return
     end
    end
    local.get $7
    local.get $1
    local.get $9
    i64.add
    i64.add
    local.tee $7
    i64.const 9007199254740992
    i64.ge_u
    if
     local.get $0
     global.set $programs/allocation/assembly/index/errorRow
     i32.const 5
     return
    end
    i64.const 0
    local.set $1
    local.get $8
    i32.const 1
    i32.eq
    if
     local.get $2
     if (result i64)
      local.get $9
      local.get $2
      i64.extend_i32_u
      local.tee $1
      i64.const 1000000000
      local.get $1
      i64.sub
      call $programs/allocation/assembly/index/mulDiv
     else
      i64.const 0
     end
     local.set $1
    else
     local.get $3
     local.get $9
     i64.add
     local.set $3
    end
    local.get $1
    local.get $4
    i64.add
    local.set $4
    global.get $programs/allocation/assembly/index/pQ
    local.get $0
    i32.const 2
    i32.shl
    i32.add
    local.get $2
    i32.store
    global.get $programs/allocation/assembly/index/pW
    local.get $0
    i32.const 3
    i32.shl
    i32.add
    local.get $1
    i64.store
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|1
   end
  end
  i32.const 0
  local.set $0
  loop $for-loop|2
   local.get $0
   global.get $programs/allocation/assembly/index/rows
   i32.lt_s
   if
    local.get $5
    local.get $4
    i64.const 0
    i64.ne
    if (result i64)
     global.get $programs/allocation/assembly/index/pW
     local.get $0
     i32.const 3
     i32.shl
     i32.add
     i64.load
     local.tee $1
     i64.const 0
     i64.ne
     if (result i64)
      local.get $3
      local.get $1
      local.get $4
      call $programs/allocation/assembly/index/mulDiv
     else
      i64.const 0
     end
    else
     i64.const 0
    end
    local.tee $1
    i64.add
    local.set $5
    local.get $0
    i32.const 3
    i32.shl
    local.tee $2
    global.get $programs/allocation/assembly/index/pShare
    i32.add
    local.get $1
    i64.store
    global.get $programs/allocation/assembly/index/pAlive
    local.get $0
    i32.add
    i32.load8_u
    local.set $6
    local.get $0
    global.get $programs/allocation/assembly/index/prevRows
    i32.lt_s
    if (result i64)
     global.get $programs/allocation/assembly/index/pPrevious
     local.get $2
     i32.add
     i64.load
    else
     i64.const 0
    end
    local.set $7
    local.get $0
    i32.const 3
    i32.shl
    local.tee $2
    global.get $programs/allocation/assembly/index/pNew
    i32.add
    local.get $6
    i32.const 1
    i32.eq
    if (result i64)
     local.get $7
     global.get $programs/allocation/assembly/index/pDeposit
     local.get $2
     i32.add
     i64.load
     i64.add
     local.get $1
     i64.add
    else
     i64.const 0
    end
    i64.store
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|2
   end
  end
  global.get $programs/allocation/assembly/index/pNew
  local.get $3
  local.get $5
  i64.sub
  local.tee $1
  global.get $programs/allocation/assembly/index/pNew
  i64.load
  i64.add
  i64.store
  global.get $programs/allocation/assembly/index/pTotals
  local.get $3
  i64.store
  global.get $programs/allocation/assembly/index/pTotals
  local.get $4
  i64.store offset=8
  global.get $programs/allocation/assembly/index/pTotals
  local.get $1
  i64.store offset=16
  i32.const 0
 )
 (func $programs/allocation/assembly/index/prepare (param $0 i32) (param $1 i32) (param $2 i32) (result i32)
  (local $3 i32)
  (local $4 i32)
  i32.const 0
  global.set $programs/allocation/assembly/index/prepared
  i32.const -1
  global.set $programs/allocation/assembly/index/errorRow
  local.get $0
  i32.const 0
  i32.le_s
  local.get $0
  i32.const 1048576
  i32.gt_s
  i32.or
  local.get $1
  i32.const 0
  i32.lt_s
  i32.or
  local.get $0
  local.get $1
  i32.lt_s
  i32.or
  local.get $2
  i32.const 0
  i32.le_s
  i32.or
  local.get $2
  i32.const 4096
  i32.gt_s
  i32.or
  if
   i32.const 1
   return
  end
  i32.const 1024
  global.set $programs/allocation/assembly/index/pPrevious
  local.get $1
  i32.const 3
  i32.shl
  i32.const 1031
  i32.add
  i32.const -8
  i32.and
  local.tee $3
  global.set $programs/allocation/assembly/index/pDeposit
  local.get $3
  local.get $0
  i32.const 3
  i32.shl
  local.tee $3
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  local.tee $4
  global.set $programs/allocation/assembly/index/pNew
  local.get $3
  local.get $4
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  local.tee $4
  global.set $programs/allocation/assembly/index/pW
  local.get $3
  local.get $4
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  local.tee $4
  global.set $programs/allocation/assembly/index/pShare
  local.get $3
  local.get $4
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  local.tee $3
  global.set $programs/allocation/assembly/index/pTotals
  local.get $3
  i32.const 31
  i32.add
  i32.const -8
  i32.and
  local.tee $3
  global.set $programs/allocation/assembly/index/pDob
  local.get $0
  i32.const 2
  i32.shl
  local.tee $4
  local.get $3
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  local.tee $3
  global.set $programs/allocation/assembly/index/pQ
  local.get $3
  local.get $4
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  local.tee $3
  global.set $programs/allocation/assembly/index/pMortality
  local.get $3
  local.get $2
  i32.const 968
  i32.mul
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  local.tee $3
  global.set $programs/allocation/assembly/index/pGeography
  local.get $3
  local.get $0
  i32.const 1
  i32.shl
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  local.tee $3
  global.set $programs/allocation/assembly/index/pAlive
  local.get $0
  local.get $3
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  local.tee $3
  global.set $programs/allocation/assembly/index/pSex
  local.get $0
  local.get $3
  i32.add
  i32.const 7
  i32.add
  i32.const -8
  i32.and
  i32.const 65535
  i32.add
  i32.const 16
  i32.shr_u
  local.tee $3
  memory.size
  local.tee $4
  i32.gt_s
  if (result i32)
   local.get $3
   local.get $4
   i32.sub
   memory.grow
   i32.const 0
   i32.lt_s
  else
   i32.const 0
  end
  if
   i32.const 8
   return
  end
  local.get $0
  global.set $programs/allocation/assembly/index/rows
  local.get $1
  global.set $programs/allocation/assembly/index/prevRows
  local.get $2
  global.set $programs/allocation/assembly/index/geographies
  i32.const 1
  global.set $programs/allocation/assembly/index/prepared
  i32.const 0
 )
 (func $programs/allocation/assembly/index/error_row (result i32)
  global.get $programs/allocation/assembly/index/errorRow
 )
 (func $programs/allocation/assembly/index/column (param $0 i32) (result i32)
  global.get $programs/allocation/assembly/index/prepared
  i32.eqz
  if
   i32.const -1
   return
  end
  block $case12|0
   block $case11|0
    block $case10|0
     block $case9|0
      block $case8|0
       block $case7|0
        block $case6|0
         block $case5|0
          block $case4|0
           block $case3|0
            block $case2|0
             block $case1|0
              block $case0|0
               local.get $0
               br_table $case0|0 $case1|0 $case2|0 $case3|0 $case4|0 $case5|0 $case6|0 $case7|0 $case8|0 $case9|0 $case10|0 $case11|0 $case12|0
              end
              global.get $programs/allocation/assembly/index/pPrevious
              return
             end
             global.get $programs/allocation/assembly/index/pAlive
             return
            end
            global.get $programs/allocation/assembly/index/pDeposit
            return
           end
           global.get $programs/allocation/assembly/index/pDob
           return
          end
          global.get $programs/allocation/assembly/index/pSex
          return
         end
         global.get $programs/allocation/assembly/index/pGeography
         return
        end
        global.get $programs/allocation/assembly/index/pMortality
        return
       end
       global.get $programs/allocation/assembly/index/pNew
       return
      end
      global.get $programs/allocation/assembly/index/pQ
      return
     end
     global.get $programs/allocation/assembly/index/pW
     return
    end
    global.get $programs/allocation/assembly/index/pShare
    return
   end
   global.get $programs/allocation/assembly/index/pTotals
   return
  end
  i32.const -1
 )
 (func $programs/allocation/assembly/index/abi_version (result i32)
  i32.const 1
 )
)
