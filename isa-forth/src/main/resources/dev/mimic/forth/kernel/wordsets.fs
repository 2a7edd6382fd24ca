\ Mimic Forth kernel, part 3: the Double, Floating-Point, Search-Order, Tools, File-Access and
\ Memory-Allocation word sets, beyond their primitives.

\ ---- Double-Number (Forth-2012 8) and gforth's extra comparisons ----
: d>s  ( d -- n )  drop ;
: dmax  ( d1 d2 -- d3 )  2over 2over d< if 2swap then 2drop ;
: dmin  ( d1 d2 -- d3 )  2over 2over d< 0= if 2swap then 2drop ;
: d<>  ( d1 d2 -- flag )  d= 0= ;
: d>  ( d1 d2 -- flag )  2swap d< ;
: d>=  ( d1 d2 -- flag )  d< 0= ;
: d<=  ( d1 d2 -- flag )  2swap d< 0= ;
: du>  ( ud1 ud2 -- flag )  2swap du< ;
: d0<>  ( d -- flag )  d0= 0= ;
: ud.  ( ud -- )  <# #s #> type space ;

\ ---- Floating-Point (Forth-2012 12) ----
: falign  ( -- )  align ;
: faligned  ( addr -- f-addr )  aligned ;
: sfalign  ( -- )  here 3 + -4 and here - allot ;
: sfaligned  ( addr -- sf-addr )  3 + -4 and ;
: dfalign  ( -- )  align ;
: dfaligned  ( addr -- df-addr )  aligned ;
: sfloats  ( n1 -- n2 )  4 * ;
: sfloat+  ( sf-addr1 -- sf-addr2 )  4 + ;
: dfloats  ( n1 -- n2 )  cells ;
: dfloat+  ( df-addr1 -- df-addr2 )  cell+ ;
: df@  ( df-addr -- ) ( F: -- r )  f@ ;
: df!  ( df-addr -- ) ( F: r -- )  f! ;
: f,  ( F: r -- )  here 8 allot f! ;
: fconstant  ( F: r "name" -- )  create f, does> f@ ;
: fvariable  ( "name" -- )  create 0 , ;
: fvalue  ( F: r "name" -- )  parse-name dofvalue: (header) drop f, ;
: f0>  ( -- flag ) ( F: r -- )  0e fswap f< ;
: f>  ( -- flag ) ( F: r1 r2 -- )  fswap f< ;
: f<=  ( -- flag ) ( F: r1 r2 -- )  f> 0= ;
: f>=  ( -- flag ) ( F: r1 r2 -- )  f< 0= ;
: f<>  ( -- flag ) ( F: r1 r2 -- )  f= 0= ;
: f2*  ( F: r1 -- r2 )  2e f* ;
: f2/  ( F: r1 -- r2 )  0.5e f* ;
: 1/f  ( F: r1 -- r2 )  1e fswap f/ ;
1e fasin 2e f* fconstant pi

\ F., FE. and FS. print what REPRESENT gives, as gforth does: PRECISION significant digits,
\ trailing zeros dropped for F.
15 value precision
: set-precision  ( u -- )  to precision ;
: scratch  ( -- c-addr u )  pad precision ;
: zeros  ( n -- )  0 max 0 ?do [char] 0 emit loop ;
: -zeros  ( c-addr u1 -- c-addr u2 )  begin dup while 1- 2dup + c@ [char] 0 <> until 1+ then ;
: f$  ( F: r -- n )
  scratch represent 0= if 2drop scratch 3 min type rdrop exit then
  if [char] - emit then ;
: f.  ( F: r -- )
  f$ dup >r 0<= if [char] 0 emit else scratch r@ min type r@ precision - zeros then
  [char] . emit r@ negate zeros
  scratch r> 0 max /string 0 max -zeros type space ;
: fe.  ( F: r -- )
  f$ 1- s>d 3 fm/mod 3 * >r 1+ >r
  scratch r@ tuck min tuck - >r type r> zeros
  [char] . emit scratch r> /string type
  [char] E emit r> . ;
: fs.  ( F: r -- )
  f$ 1- scratch over c@ emit [char] . emit 1 /string type [char] E emit . ;
: f.s  ( -- )
  [char] < emit fdepth 0 .r ." > " fdepth 0 ?do fdepth i - 1- floats fp@ + f@ fs. loop ;

\ ---- Search-Order (Forth-2012 16) and gforth's vocabularies ----
: get-current  ( -- wid )  current @ ;
: set-current  ( wid -- )  current ! ;
: definitions  ( -- )  context @ current ! ;
: get-order  ( -- widn ... wid1 n )  #order @ 0 ?do #order @ i - 1- cells context + @ loop #order @ ;
: set-order  ( widn ... wid1 n -- )
  dup -1 = if drop root-wordlist 1 then
  dup max-order > if -49 throw then
  dup #order ! 0 ?do context i cells + ! loop ;
: wordlist  ( -- wid )  align here 0 , 0 , voclink @ , dup voclink ! ;
: >order  ( wid -- )  >r get-order r> swap 1+ set-order ;
: also  ( -- )  get-order over swap 1+ set-order ;
: previous  ( -- )  get-order dup 0= if -50 throw then nip 1- set-order ;
: only  ( -- )  -1 set-order ;
: replace-top  ( wid -- )  >r get-order dup 0= if 1+ else nip then r> swap set-order ;
: vocabulary  ( "name" -- )
  wordlist create dup , last-header @ swap cell+ !
  does> @ replace-top ;
: name>string  ( nt -- c-addr u )  dup >info c@ tuck aligned - 16 - swap ;
: .wid  ( wid -- )  dup cell+ @ ?dup if name>string type space drop else . then ;
: order  ( -- )  get-order 0 ?do .wid loop 4 spaces get-current .wid ;
: find  ( c-addr -- c-addr 0 | xt 1 | xt -1 )
  dup count find-name dup if nip dup immediate? if 1 else -1 then then ;
: forth  ( -- )  forth-wordlist replace-top ;
: root  ( -- )  root-wordlist replace-top ;
' forth forth-wordlist cell+ !
' root root-wordlist cell+ !

\ ---- Tools (Forth-2012 15) ----
: .s  ( -- )  [char] < emit depth 0 .r ." > " depth 0 ?do depth i - 1- pick . loop ;
: dump  ( addr u -- )
  base @ >r hex
  over + swap ?do
    cr i 0 <# # # # # # # # # #> type ." : "
    i 16 + i ?do i c@ 0 <# # # #> type space loop
  16 +loop cr r> base ! ;
: see  ( "name" -- )  ' (see) ;
: [defined]  ( "name" -- flag )  parse-name find-name 0<> ; immediate
: [undefined]  ( "name" -- flag )  parse-name find-name 0= ; immediate
: [else]  ( -- )
  1 begin
    begin parse-name dup while
      2dup s" [if]" istr= if 2drop 1+ else
      2dup s" [else]" istr= if 2drop 1- dup if 1+ then else
      s" [then]" istr= if 1- then then then
      dup 0= if drop exit then
    repeat 2drop
  refill 0= until drop ; immediate
: [if]  ( flag -- )  0= if postpone [else] then ; immediate
: [then]  ( -- )  ; immediate
: cs-pick  ( C: destu ... orig0|dest0 u -- destu ... orig0|dest0 destu )  pick ;
: cs-roll  ( C: origu|destu ... orig0|dest0 u -- ... )  roll ;
: synonym  ( "newname" "oldname" -- )
  parse-name ' dup >r code-kind 16 < if docol: (header) drop r@ , 'exit , else r@ code-kind (header) drop then
  r> dup immediate? if immediate then compile-only? if compile-only then ;

\ The root word list holds the minimum search order (Forth-2012 16.6.2.1965 ONLY).
root-wordlist set-current
synonym forth forth
synonym forth-wordlist forth-wordlist
synonym set-order set-order
synonym get-order get-order
synonym order order
synonym words words
synonym only only
synonym also also
synonym previous previous
synonym definitions definitions
forth-wordlist set-current

\ ---- structures (Forth-2012 10.6.2 Facility extension) ----
: +field  ( n1 n2 "name" -- n3 )  create over , + does> @ + ;
: begin-structure  ( "name" -- struct-sys 0 )  create here 0 0 , does> @ ;
: end-structure  ( struct-sys +n -- )  swap ! ;
: field:  ( n1 "name" -- n2 )  aligned cell +field ;
: cfield:  ( n1 "name" -- n2 )  1 +field ;
: ffield:  ( n1 "name" -- n2 )  faligned 8 +field ;
variable in-quit  \ set by QUIT: gforth's BYE ends the terminal's line, a script's it does not
: bye  ( -- )  in-quit @ if cr then 0 (bye) ;

\ ---- File-Access (Forth-2012 11) ----
0 constant r/o
1 constant w/o
2 constant r/w
: bin  ( fam1 -- fam2 )  4 or ;
1 constant stdout
2 constant stderr

\ ---- the environment (Forth-2012 3.2.6) is a word list of constants ----
get-current environment-wordlist set-current
255 constant /counted-string
/hold constant /hold
/pad constant /pad
8 constant address-unit-bits
true constant floored
255 constant max-char
-1 1 rshift constant max-n
-1 constant max-u
-1 -1 1 rshift 2constant max-d
-1 -1 2constant max-ud
return-stack-cells constant return-stack-cells
stack-cells constant stack-cells
float-stack-cells constant floating-stack
1.7976931348623157e308 fconstant max-float
max-order constant wordlists
true constant core
true constant core-ext
true constant double
true constant double-ext
true constant exception
true constant exception-ext
true constant facility
true constant file
true constant file-ext
true constant floating
true constant floating-ext
true constant memory-alloc
true constant memory-alloc-ext
true constant search-order
true constant search-order-ext
true constant string
true constant string-ext
true constant tools
true constant tools-ext
set-current
: environment?  ( c-addr u -- false | i*x true )
  environment-wordlist search-wordlist if execute true else false then ;
