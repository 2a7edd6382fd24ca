\ Mimic Open Firmware, part 1: the words IEEE 1275 adds to Forth (5.3.2), defined over the
\ Forth-2012 kernel. The FCode evaluator maps the standard FCode numbers onto these words by name.

: 0  0 ;  : 1  1 ;  : 2  2 ;  : 3  3 ;  : -1  -1 ;
: on  ( a-addr -- )  true swap ! ;
: off  ( a-addr -- )  false swap ! ;
: noop  ( -- )  ;
: u2/  ( u1 -- u2 )  1 rshift ;
: >>a  ( x1 u -- x2 )  over 0< if swap invert swap rshift invert else rshift then ;
: u/mod  ( u1 u2 -- urem uquot )  0 swap um/mod ;
: between  ( n min max -- flag )  over - >r - r> u> 0= ;
: bounds  ( addr len -- addr+len addr )  over + swap ;
: u<=  ( u1 u2 -- flag )  u> 0= ;
: >=  ( n1 n2 -- flag )  < 0= ;
: <=  ( n1 n2 -- flag )  > 0= ;

\ Address arithmetic by unit: c bytes, w 16-bit, l 32-bit, n cells, x 64-bit.
1 constant /c  2 constant /w  4 constant /l  8 constant /n  8 constant /x
: ca+  ( addr1 index -- addr2 )  + ;
: wa+  ( addr1 index -- addr2 )  2* + ;
: la+  ( addr1 index -- addr2 )  4 * + ;
: na+  ( addr1 index -- addr2 )  cells + ;
: xa+  ( addr1 index -- addr2 )  cells + ;
: wa1+  ( addr1 -- addr2 )  2 + ;
: la1+  ( addr1 -- addr2 )  4 + ;
: xa1+  ( addr1 -- addr2 )  8 + ;
: /w*  ( n1 -- n2 )  2* ;
: /l*  ( n1 -- n2 )  4 * ;
: /x*  ( n1 -- n2 )  cells ;
: x@  ( addr -- o )  @ ;
: x!  ( o addr -- )  ! ;
: <w@  ( addr -- n )  w@ dup $8000 and if $10000 - then ;
: <l@  ( addr -- n )  l@ dup $80000000 and if $100000000 - then ;
: w,  ( w -- )  here 2 allot w! ;
: l,  ( quad -- )  here 4 allot l! ;
: x,  ( o -- )  , ;
: comp  ( addr1 addr2 len -- n )  tuck compare ;
: body>  ( a-addr -- xt )  16 - ;

\ Register and probing access: the machine has no side-effecting bus, so these are plain memory.
: rb@  ( addr -- byte )  c@ ;   : rb!  ( byte addr -- )  c! ;
: rw@  ( addr -- w )  w@ ;      : rw!  ( w addr -- )  w! ;
: rl@  ( addr -- quad )  l@ ;   : rl!  ( quad addr -- )  l! ;
: rx@  ( addr -- o )  @ ;       : rx!  ( o addr -- )  ! ;
: cpeek  ( addr -- false | byte true )  c@ true ;
: wpeek  ( addr -- false | w true )  w@ true ;
: lpeek  ( addr -- false | quad true )  l@ true ;
: cpoke  ( byte addr -- true )  c! true ;
: wpoke  ( w addr -- true )  w! true ;
: lpoke  ( quad addr -- true )  l! true ;

\ Splitting, joining and flipping (IEEE 1275 5.3.2.2; 64-bit extension for the x forms).
: wbsplit  ( w -- b.lo b.hi )  dup $ff and swap 8 rshift $ff and ;
: bwjoin  ( b.lo b.hi -- w )  $ff and 8 lshift swap $ff and or ;
: lwsplit  ( quad -- w.lo w.hi )  dup $ffff and swap 16 rshift $ffff and ;
: wljoin  ( w.lo w.hi -- quad )  $ffff and 16 lshift swap $ffff and or ;
: lbsplit  ( quad -- b.lo b2 b3 b.hi )  lwsplit >r wbsplit r> wbsplit ;
: bljoin  ( b.lo b2 b3 b.hi -- quad )  bwjoin >r bwjoin r> wljoin ;
: xlsplit  ( o -- l.lo l.hi )  dup $ffffffff and swap 32 rshift ;
: lxjoin  ( l.lo l.hi -- o )  32 lshift swap $ffffffff and or ;
: xwsplit  ( o -- w.lo w2 w3 w.hi )  xlsplit >r lwsplit r> lwsplit ;
: wxjoin  ( w.lo w2 w3 w.hi -- o )  wljoin >r wljoin r> lxjoin ;
: xbsplit  ( o -- b.lo ... b.hi )  xlsplit >r lbsplit r> lbsplit ;
: bxjoin  ( b.lo ... b.hi -- o )  bljoin >r bljoin r> lxjoin ;
: wbflip  ( w1 -- w2 )  wbsplit swap bwjoin ;
: lwflip  ( quad1 -- quad2 )  lwsplit swap wljoin ;
: lbflip  ( quad1 -- quad2 )  lbsplit swap 2swap swap bljoin ;
: xlflip  ( o1 -- o2 )  xlsplit swap lxjoin ;
: xwflip  ( o1 -- o2 )  xlsplit lwflip swap lwflip lxjoin ;
: xbflip  ( o1 -- o2 )  xlsplit lbflip swap lbflip lxjoin ;
variable flip-fetch  variable flip-op  variable flip-store  variable flip-unit
: flips  ( addr len fetch-xt flip-xt store-xt unit -- )
  flip-unit ! flip-store ! flip-op ! flip-fetch !
  bounds ?do  i flip-fetch @ execute flip-op @ execute i flip-store @ execute  flip-unit @ +loop ;
: wbflips  ( addr len -- )  ['] w@ ['] wbflip ['] w! 2 flips ;
: lwflips  ( addr len -- )  ['] l@ ['] lwflip ['] l! 4 flips ;
: lbflips  ( addr len -- )  ['] l@ ['] lbflip ['] l! 4 flips ;
: xbflips  ( addr len -- )  ['] @ ['] xbflip ['] ! 8 flips ;
: xlflips  ( addr len -- )  ['] @ ['] xlflip ['] ! 8 flips ;
: xwflips  ( addr len -- )  ['] @ ['] xwflip ['] ! 8 flips ;

\ Characters, strings and text I/O.
: upc  ( char -- char' )  toupper ;
: lcc  ( char -- char' )  dup [char] A [char] Z 1+ within if 32 + then ;
: pack  ( c-addr u pstr -- pstr )  >r 255 min r@ place r> ;
: $find  ( c-addr u -- xt true | c-addr u false )  2dup find-name ?dup if nip nip true else false then ;
variable span
: expect  ( addr len -- )  accept span ! ;
8 constant bs  7 constant bell
: (cr  ( -- )  13 emit ;
: .padded  ( str len width -- )  \ a column of width characters and at least one space
  over - >r type r> 1 max spaces ;
variable #out  variable #line
: digit  ( char base -- digit true | char false )
  >r dup upc dup [char] A >= if [char] A - 10 + else [char] 0 - then
  dup 0 r> within if nip true else drop false then ;
: $number  ( c-addr u -- true | n false )  number? case 1 of false endof 2 of drop false endof true swap endcase ;
: convert  ( ud1 c-addr1 -- ud2 c-addr2 )  char+ 255 >number drop ;
: u#  ( u1 -- u2 )  0 # drop ;
: u#s  ( u -- 0 )  0 #s drop ;
: u#>  ( u -- c-addr len )  0 #> ;
: (.)  ( n -- c-addr len )  dup abs 0 <# #s rot sign #> ;
: (u.)  ( u -- c-addr len )  0 <# #s #> ;

\ Memory and time.
: alloc-mem  ( len -- addr )  allocate throw ;
: free-mem  ( addr len -- )  drop free throw ;
: get-msecs  ( -- ms )  utime 1000 um/mod nip ;

\ Structures and strings as Open Firmware sources write them.
: struct  ( -- 0 )  0 ;
: field  ( offset size "name" -- offset+size )  create over , + does> @ + ;
synonym " s"

\ Numbers in a given base whatever BASE is (h# ff, d# 10), as in Open Firmware sources.
: based-number  ( base "number" -- n )
  base @ >r base ! parse-name number? r> base !  dup 0= if -13 throw then 2 = if drop then ;
: base-prefix  ( base "name" -- )
  create , immediate  does> ( "number" -- n )  @ based-number state @ if postpone literal then ;
16 base-prefix h#  10 base-prefix d#  8 base-prefix o#  2 base-prefix b#

\ Text buffers: messages and paths built piece by piece (a count, a capacity, the characters).
: text-buffer  ( capacity "name" -- )  create 0 , dup , allot ;
: text$  ( text -- str len )  dup 2 cells + swap @ ;
: empty-text  ( text -- )  0 swap ! ;
: +text  ( str len text -- )  \ appends what fits
  >r  r@ cell+ @ r@ @ - min  r@ 2 cells + r@ @ +  swap dup r> +!  move ;
: hex$  ( u -- str len )  \ in lower case, as unit addresses and FCode numbers are written
  base @ >r hex 0 <# #s #> r> base !  2dup bounds ?do i c@ lcc i c! loop ;
