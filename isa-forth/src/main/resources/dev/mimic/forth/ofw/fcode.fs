\ Mimic Open Firmware, part 2: the FCode evaluator (IEEE 1275 5.3.3, 5.3.7.6). FCode numbers index
\ a table of execution tokens; the build fills the standard numbers from fcode.isa by word name.
\ A token runs as the text interpreter runs a word: executed while interpreting, compiled while
\ compiling unless its flag says it acts at compile time (b(lit), the branches, b(;) ...).
\ FCode-defined functions are ordinary dictionary words, so they run through the same IR.

$1000 constant #fcodes
create fcode-table  #fcodes cells allot
create fcode-flags  #fcodes allot        \ 1: the token acts while compiling (an immediate word)
: fcode>xt  ( fcode# -- xt )  cells fcode-table + @ ;
: get-token  ( fcode# -- xt immediate? )  dup fcode>xt swap fcode-flags + c@ 0<> ;
: set-token  ( xt immediate? fcode# -- )  tuck fcode-flags + c!  cells fcode-table + ! ;

\ The program being evaluated: where its bytes are, how they are fetched, how far it may run.
create fcode-vars 9 cells allot
: fcode-var  ( n "name" -- )  cells fcode-vars + constant ;
0 fcode-var fcode-base       \ address of the program's first byte
1 fcode-var fcode-pos        \ index of the next byte
2 fcode-var fcode-spread     \ distance in memory between two FCode bytes (start0/1/2/4)
3 fcode-var fcode-fetch      \ xt fetching one byte: c@, or rb@ for byte-load's xt 1
4 fcode-var fcode-limit      \ index the program may not read beyond (the header's length)
5 fcode-var offset16?        \ FCode-offsets are 16 bits (after start0..4 and offset16), else 8
6 fcode-var fcode-end?
7 fcode-var fcode-token      \ the FCode number being evaluated, and where it started, for errors
8 fcode-var fcode-token-pos
false value fcode-debug?

\ Errors: one line naming the problem and the byte offset (and, while probing, the device node).
160 text-buffer fcode-message
: +message  ( str len -- )  fcode-message +text ;
: +hex  ( u -- )  s" 0x" +message hex$ +message ;
defer fcode-where  ( -- )  ' noop is fcode-where  \ appends where the error happened
variable fcode-failed
: fcode-abort  ( c-addr u -- )
  fcode-message empty-text  s" FCode error at offset " +message  fcode-token-pos @ +hex
  s" : " +message +message fcode-where  true fcode-failed !
  fcode-message text$ (abort-message) -2 throw ;

: fcode-byte  ( -- b )
  fcode-pos @ fcode-limit @ u>= if s" the program runs past its length" fcode-abort then
  fcode-base @ fcode-pos @ fcode-spread @ * + fcode-fetch @ execute $ff and  1 fcode-pos +! ;
: fcode#  ( -- fcode# )  fcode-byte dup 1 $10 within if 8 lshift fcode-byte or then ;
: fcode-num16  ( -- w )  fcode-byte 8 lshift fcode-byte or ;
: fcode-num32  ( -- n )  fcode-num16 16 lshift fcode-num16 or  $ffffffff and  dup $80000000 and if $100000000 - then ;
: fcode-offset  ( -- n )
  offset16? @ if fcode-num16 dup $8000 and if $10000 - then
  else fcode-byte dup $80 and if $100 - then then ;
create fcode-string 256 allot
: fcode-string$  ( -- c-addr u )
  fcode-byte  fcode-string over 0 ?do fcode-byte over i + c! loop swap ;

32 text-buffer ferror-text
: ferror  ( -- )
  ferror-text empty-text  s" unknown FCode 0x" ferror-text +text  fcode-token @ hex$ ferror-text +text
  ferror-text text$ fcode-abort ;

\ Evaluating one token.
\ A definition that uses an unassigned number fails when it runs, naming that number.
: unknown-fcode  ( fcode# -- )  fcode-token ! ferror ;
: compile-fcode  ( xt -- )
  dup ['] ferror = if drop fcode-token @ postpone literal ['] unknown-fcode then compile, ;
: fcode-step  ( -- )
  fcode-pos @ fcode-token-pos !  fcode# dup fcode-token !  get-token
  state @ 0= or if execute else compile-fcode then ;
: fcode-loop  ( -- )  begin fcode-end? @ 0= while fcode-step repeat ;

\ Program headers (IEEE 1275 5.3.7.6): format byte, 16-bit checksum of the bytes after the
\ 8-byte header, 32-bit length including the header.
: fcode-checksum  ( from to -- sum )
  0 -rot swap ?do  fcode-base @ i fcode-spread @ * + fcode-fetch @ execute $ff and +  loop $ffff and ;
: fcode-header  ( spread offset16? -- )
  offset16? !  fcode-spread !
  fcode-pos @ 1- >r  fcode-byte drop  fcode-num16  fcode-num16 16 lshift fcode-num16 or
  dup 8 < if s" the header's length is below 8" fcode-abort then
  r@ + fcode-limit !
  r> 8 + fcode-limit @ fcode-checksum <> if s" the checksum does not match" fcode-abort then ;
: start0  ( -- )  0 true fcode-header ;
: start1  ( -- )  1 true fcode-header ;
: start2  ( -- )  2 true fcode-header ;
: start4  ( -- )  4 true fcode-header ;
: version1  ( -- )  1 false fcode-header ;
: offset16  ( -- )  true offset16? ! ;
: end0  ( -- )  true fcode-end? ! ; immediate
: end1  ( -- )  true fcode-end? ! ; immediate
: fcode-revision  ( -- n )  $30000 ;
: suspend-fcode  ( -- )  ;

\ Literals (5.3.3.2).
: b(lit)  ( -- n )  fcode-num32 state @ if postpone literal then ; immediate
: b(')  ( -- xt )  fcode# fcode>xt state @ if postpone literal then ; immediate
: b(")  ( -- c-addr u )  fcode-string$ state @ if postpone sliteral else save-transient then ; immediate

\ Defining functions (5.3.3.1): new-token, named-token and external-token name the FCode number
\ (and the word) that the defining token after them creates. b(value), b(variable), b(buffer:)
\ and b(to) come with instance data, in devtree.fs.
variable pending-token
create pending-name 256 allot  variable #pending-name
: fcode-name  ( c-addr u keep? -- )  if dup #pending-name ! pending-name swap move else 2drop 0 #pending-name ! then ;
: new-token  ( -- )  fcode# pending-token ! 0 #pending-name ! ;
: named-token  ( -- )  fcode-string$ fcode-debug? fcode-name fcode# pending-token ! ;
: external-token  ( -- )  fcode-string$ true fcode-name fcode# pending-token ! ;
: headerless-word  ( kind -- xt )  align 0 , 0 , here swap , 0 , dup last ! ;
variable instance?  \ set by INSTANCE: the next value, variable or buffer: is per instance
: instance  ( -- )  instance? on ;
: fcode-define  ( kind -- xt )
  instance? off
  #pending-name @ if pending-name #pending-name @ rot (header) else headerless-word then
  dup false pending-token @ set-token ;
: b(:)  ( -- )  docol: fcode-define drop ] ;
: b(;)  ( -- )  postpone ; ; immediate
: b(constant)  ( x -- )  docon: fcode-define drop , ;
: b(create)  ( -- )  dovar: fcode-define drop ;
: b(defer)  ( -- )  dodefer: fcode-define drop ['] ferror , ;
: field-does  ( -- )  does> @ + ;
: b(field)  ( offset size -- offset+size )  dovar: fcode-define drop over , + field-does ;

\ Control flow (5.3.3.4). A forward branch's placeholder waits for the b(>resolve) at or before
\ its target; a backward branch goes to the latest b(<mark). A control structure met while
\ interpreting is compiled into a temporary definition, run when the structure closes.
16 constant #fcode-forwards
create fcode-forwards #fcode-forwards 2* cells allot   \ pairs: target index (-1 free), placeholder
: forward-slot  ( -- addr )
  fcode-forwards #fcode-forwards 0 ?do dup @ -1 = if unloop exit then 2 cells + loop
  drop s" branches nest too deeply" fcode-abort 0 ;
: forward,  ( target -- )  here 0 , forward-slot tuck cell+ ! ! ;
: resolve-forwards  ( -- )
  fcode-forwards #fcode-forwards 0 ?do
    dup @ dup -1 <> swap fcode-pos @ <= and if here over cell+ @ ! -1 over ! then 2 cells +
  loop drop ;
: reset-forwards  ( -- )  fcode-forwards #fcode-forwards 0 ?do -1 over ! 2 cells + loop drop ;
create fcode-marks 16 cells allot  variable #fcode-marks
variable temporary     \ xt of the temporary definition being compiled, 0 when none
variable open-structures
: structure-opens  ( -- )
  state @ 0= if align here temporary ! docol: , 0 , ] 0 open-structures ! then
  temporary @ if 1 open-structures +! then ;
: structure-closes  ( -- )
  temporary @ 0= if exit then
  -1 open-structures +!  open-structures @ if exit then
  'exit , postpone [  temporary @ 0 temporary ! execute ;
: b(<mark)  ( -- )  structure-opens here fcode-marks #fcode-marks @ cells + ! 1 #fcode-marks +! ; immediate
: b(>resolve)  ( -- )  resolve-forwards structure-closes ; immediate
: fcode-branch,  ( offset-index offset branch-xt -- )
  over 0< if
    , 2drop  -1 #fcode-marks +! fcode-marks #fcode-marks @ cells + @ ,  structure-closes
  else structure-opens , + forward, then ;
: bbranch  ( -- )  fcode-pos @ fcode-offset 'branch fcode-branch, ; immediate
: b?branch  ( flag -- )  fcode-pos @ fcode-offset '?branch fcode-branch, ; immediate
: b(do)  ( -- )  fcode-offset drop structure-opens postpone do ; immediate
: b(?do)  ( -- )  fcode-offset drop structure-opens postpone ?do ; immediate
: b(loop)  ( -- )  fcode-offset drop postpone loop structure-closes ; immediate
: b(+loop)  ( -- )  fcode-offset drop postpone +loop structure-closes ; immediate
: b(leave)  ( -- )  postpone leave ; immediate
: b(case)  ( -- )  structure-opens postpone case ; immediate
: b(of)  ( -- )  fcode-offset drop postpone of ; immediate
: b(endof)  ( -- )  fcode-offset drop postpone endof ; immediate
: b(endcase)  ( -- )  postpone endcase structure-closes ; immediate

\ byte-load (5.3.3.5): evaluates the program at addr, fetching bytes with xt (1 means rb@). The
\ program-defined numbers $800-$fff are the program's own; a nested byte-load restores the
\ caller's evaluation state and numbers when it ends.
: local-fcodes  ( -- )  #fcodes $800 ?do ['] ferror false i set-token loop ;
: start-fcode  ( addr xt -- )
  dup 1 = if drop ['] rb@ then fcode-fetch !  fcode-base !  0 fcode-pos !  1 fcode-spread !
  -1 fcode-limit !  false fcode-end? !  true offset16? !  0 fcode-token-pos !  0 #fcode-marks !
  0 temporary !
  reset-forwards  local-fcodes
  fcode-base @ fcode-fetch @ execute $ff and dup $f0 $f4 within swap $fd = or 0= if
    s" no FCode header (start0, start1, start2, start4 or version1)" fcode-abort then ;
: (byte-load)  ( addr xt -- )  start-fcode fcode-loop ;
\ What a nested byte-load saves of its caller: the evaluation state and the local numbers.
9 cells constant /fcode-vars
$800 constant #local-fcodes
/fcode-vars #local-fcodes cells + #local-fcodes + constant /saved-fcode
: local-table  ( -- addr )  $800 cells fcode-table + ;
: local-flags  ( -- addr )  $800 fcode-flags + ;
: save-fcode  ( -- saved )
  /saved-fcode alloc-mem  fcode-vars over /fcode-vars move
  local-table over /fcode-vars + #local-fcodes cells move
  local-flags over /fcode-vars + #local-fcodes cells + #local-fcodes move ;
: restore-fcode  ( saved -- )
  dup fcode-vars /fcode-vars move
  dup /fcode-vars + local-table #local-fcodes cells move
  dup /fcode-vars + #local-fcodes cells + local-flags #local-fcodes move
  /saved-fcode free-mem ;
: byte-load  ( addr xt -- )
  save-fcode >r  ['] (byte-load) catch  r> restore-fcode  throw ;

\ In Forth source every definition has a header; these tokenizer directives are accepted so the
\ same source runs as Forth and as FCode.
: external  ( -- )  ;
: headers  ( -- )  ;
: headerless  ( -- )  ;

\ An FCode program in a host file (tests, load): the bytes in allocated memory.
: fcode-file  ( c-addr u -- addr len )
  r/o bin open-file throw >r  r@ file-size throw drop  dup alloc-mem swap
  2dup r@ read-file throw drop  r> close-file throw ;
: load-fcode  ( c-addr u -- )  fcode-file drop ['] c@ byte-load ;
