: \ #source @ >in ! ;  last-header @ 8 - dup @ immediate-bit or swap !

\ Mimic Forth kernel, part 1: the compiler.
\
\ The host's bootstrap interpreter loads this file. It finds words, converts numbers, executes,
\ compiles, and knows : and ; itself until this file defines them. Available from the start: the
\ primitives of forth.isa, the system variables and constants of MemoryMap as words pushing their
\ value, and the code field kinds as constants (docol: dovar: ...). The line above gives it
\ comments; ( comments come once control structures exist.

: here  dp @ ;
: ,  here 8 allot ! ;
: c,  here 1 allot c! ;
: align  here aligned here - allot ;
: cell  8 ;

\ Header flags live in the cell before the code field.
: >info  8 - ;
: set-flag  last-header @ >info dup @ rot or swap ! ;
: immediate  immediate-bit set-flag ;
: compile-only  compile-only-bit set-flag ;
: hide  hidden-bit set-flag ;
: reveal  last-header @ >info dup @ hidden-bit invert and swap ! ;

: constant  parse-name docon: (header) drop , ;
parse-name lit find-name constant 'lit
parse-name ?branch find-name constant '?branch
parse-name branch find-name constant 'branch
parse-name exit find-name constant 'exit

: compile,  , ;
: literal  'lit , , ; immediate compile-only
: [  0 state ! ; immediate
: ]  -1 state ! ;

\ Control structures: an orig or dest is the address of a thread cell; branches are absolute.
: if  '?branch , here 0 , ; immediate compile-only
: ahead  'branch , here 0 , ; immediate compile-only
: then  here swap ! ; immediate compile-only
: else  'branch , here 0 , swap here swap ! ; immediate compile-only
: begin  here ; immediate compile-only
: until  '?branch , , ; immediate compile-only
: again  'branch , , ; immediate compile-only
: while  '?branch , here 0 , swap ; immediate compile-only
: repeat  'branch , , here swap ! ; immediate compile-only

\ Forth-2012 11.6.1.0080: in a file, a comment continues on the following lines up to the ).
: (
  begin  41 parse 2drop  'source @ >in @ + 1- c@ 41 <>  'source-id @ 0> and
  while  refill 0= until  then ; immediate

\ Exceptions (Forth-2012 9): a CATCH frame on the return stack holds the data and float stack
\ pointers and the enclosing frame; HANDLER points at the innermost frame.
: catch  ( i*x xt -- j*x 0 | i*x n )
  sp@ >r  fp@ >r  handler @ >r  rp@ handler !
  execute
  r> handler !  rdrop rdrop  0 ;
: (uncaught)  ( n -- )  (report-error) 1 (bye) ;
: throw  ( k*x n -- k*x | i*x n )
  dup if
    (capture-error)
    handler @ dup 0= if drop (uncaught) then
    rp!  r> handler !  r> fp!  r> swap >r sp! drop r>
  else drop then ;
: rethrow  ( n -- )  dup if (rethrowing) throw then drop ;

: '  ( "name" -- xt )  parse-name find-name dup 0= if -13 throw then ;
: [']  ( "name" -- )  ' 'lit , , ; immediate compile-only
: immediate?  ( xt -- flag )  >info @ immediate-bit and 0<> ;
: compile-only?  ( xt -- flag )  >info @ compile-only-bit and 0<> ;
\ A state-smart immediate colon word keeps its compilation semantics in the second code field
\ cell, so POSTPONE compiles them even where the postponing word runs in interpretation state.
: compiles-with  ( xt -- )  last @ cell+ ! ;
: compilation  ( xt1 -- xt2 )  dup @ docol: = if dup cell+ @ ?dup if nip then then ;
: postpone  ( "name" -- )
  ' dup immediate? if compilation , else 'lit , , ['] compile, , then ; immediate compile-only
: recurse  ( -- )  last @ , ; immediate compile-only

: create  ( "name" -- )  parse-name dovar: (header) drop ;
: variable  ( "name" -- )  create 0 , ;
: :  ( "name" -- colon-sys )  parse-name docol: (header) drop hide ] ;
: ;  ( colon-sys -- )  'exit , reveal postpone [ ; immediate compile-only
: :noname  ( -- xt colon-sys )  align here docol: , 0 , dup last ! ] ;
: does>  ( -- )  ['] (does>) , ; immediate compile-only

\ Counted loops: (do) keeps limit and index on the return stack. LEAVE and the skip of ?DO
\ branch to the end of the loop; their targets are chained through the placeholder cells and
\ resolved by LOOP.
variable leaves
: >leaves  ( placeholder -- )  leaves @ over ! leaves ! ;
: resolve-leaves  ( -- )  leaves @ begin dup while dup @ here rot ! repeat drop ;
: do  ( -- do-sys )  ['] (do) , leaves @ 0 leaves ! here ; immediate compile-only
: ?do  ( -- do-sys )  ['] (?do) , leaves @ 0 leaves ! here 0 , >leaves here ; immediate compile-only
: leave  ( -- )  ['] unloop , 'branch , here 0 , >leaves ; immediate compile-only
: loop  ( do-sys -- )  ['] (loop) , , resolve-leaves leaves ! ; immediate compile-only
: +loop  ( do-sys -- )  ['] (+loop) , , resolve-leaves leaves ! ; immediate compile-only
