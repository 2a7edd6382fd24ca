\ Mimic Forth kernel, part 2: the rest of the Core and Core Extension word sets.

-1 constant true
0 constant false
32 constant bl
: abort  ( -- )  -1 throw ;
: decimal  ( -- )  10 base ! ;
: hex  ( -- )  16 base ! ;
: 2constant  ( x1 x2 "name" -- )  create , , does> 2@ ;
: 2variable  ( "name" -- )  create 0 , 0 , ;
: value  ( x "name" -- )  parse-name dovalue: (header) drop , ;
: 2value  ( x1 x2 "name" -- )  parse-name do2value: (header) drop , , ;
: defer  ( "name" -- )  parse-name dodefer: (header) drop ['] abort , ;
: buffer:  ( u "name" -- )  create allot ;
: >body  ( xt -- a-addr )  16 + ;
\ EMIT and TYPE are deferred, starting as the host terminal's primitives, so that a firmware can
\ send the console to a display as well.
' emit  defer emit  ' emit >body !
' type  defer type  ' type >body !

: 2literal  ( x1 x2 -- )  swap postpone literal postpone literal ; immediate compile-only
: char  ( "name" -- char )  parse-name drop c@ ;
: [char]  ( "name" -- )  char postpone literal ; immediate compile-only
: [compile]  ( "name" -- )  ' compile, ; immediate compile-only

\ Characters and strings.
: source  ( -- c-addr u )  'source @ #source @ ;
: count  ( c-addr1 -- c-addr2 u )  dup 1+ swap c@ ;
: cr  ( -- )  10 emit ;
: space  ( -- )  bl emit ;
: spaces  ( n -- )  begin dup 0> while space 1- repeat drop ;
: /string  ( c-addr1 u1 n -- c-addr2 u2 )  tuck - >r + r> ;
: erase  ( addr u -- )  0 fill ;
: blank  ( addr u -- )  bl fill ;
: -trailing  ( c-addr u1 -- c-addr u2 )  begin dup while 2dup + 1- c@ bl = while 1- repeat then ;
: place  ( c-addr1 u c-addr2 -- )  2dup c! 1+ swap move ;
: str=  ( c-addr1 u1 c-addr2 u2 -- flag )  compare 0= ;
: toupper  ( c1 -- c2 )  dup [char] a [char] z 1+ within if 32 - then ;
: istr=  ( c-addr1 u1 c-addr2 u2 -- flag )
  rot over <> if drop 2drop false exit then
  0 ?do  over i + c@ toupper  over i + c@ toupper  <> if 2drop unloop false exit then  loop
  2drop true ;

\ Inline strings: (s") is followed by a length cell and the characters, (c") by a counted string.
: ,string  ( c-addr u -- )  dup , here swap dup allot move align ;
: sliteral  ( c-addr u -- )  ['] (s") , ,string ; immediate compile-only
variable transient-next
: save-transient  ( c-addr1 u -- c-addr2 u )
  /transient min
  transient-next @ 1+ #transient mod dup transient-next !  /transient * transient +
  swap 2dup 2>r move 2r> ;
: compile-s"  ( "text<quote>" -- )  [char] " parse postpone sliteral ;
: s"  ( "text<quote>" -- c-addr u )
  state @ if compile-s" else [char] " parse save-transient then ; immediate
' compile-s" compiles-with
: c"  ( "text<quote>" -- c-addr )
  ['] (c") , [char] " parse here over 1+ allot place align ; immediate compile-only
: compile-."  ( "text<quote>" -- )  compile-s" postpone type ;
: ."  ( "text<quote>" -- )  state @ if compile-." else [char] " parse type then ; immediate
' compile-." compiles-with
: .(  ( "text<paren>" -- )  [char] ) parse type ; immediate

\ Pictured numeric output (Forth-2012 6.1.0490) into the buffer that ends at HOLD-END.
: <#  ( -- )  hold-end hld ! ;
: hold  ( char -- )  hld @ 1- dup hold-start u< if -17 throw then dup hld ! c! ;
: holds  ( c-addr u -- )  begin dup while 1- 2dup + c@ hold repeat 2drop ;
: digit>char  ( u -- char )  dup 9 > if 7 + then [char] 0 + ;
: #  ( ud1 -- ud2 )  base @ ud/mod rot digit>char hold ;
: #s  ( ud -- 0 0 )  begin # 2dup d0= until ;
: #>  ( xd -- c-addr u )  2drop hld @ hold-end over - ;
: sign  ( n -- )  0< if [char] - hold then ;
: dabs  ( d -- ud )  dup 0< if dnegate then ;
: d.r  ( d n -- )  >r tuck dabs <# #s rot sign #> r> over - spaces type ;
: d.  ( d -- )  0 d.r space ;
: .r  ( n1 n2 -- )  >r s>d r> d.r ;
: u.r  ( u n -- )  0 swap d.r ;
: .  ( n -- )  s>d d. ;
: u.  ( u -- )  0 d. ;
: ?  ( a-addr -- )  @ . ;

\ Arithmetic and stacks in Forth.
: 2rot  ( x1 x2 x3 x4 x5 x6 -- x3 x4 x5 x6 x1 x2 )  2>r 2swap 2r> 2swap ;
: roll  ( xu xu-1 ... x0 u -- xu-1 ... x0 xu )
  dup 0> if swap >r 1- recurse r> swap else drop then ;
: u>=  ( u1 u2 -- flag )  u< 0= ;
: 0>=  ( n -- flag )  0< 0= ;
: 0<=  ( n -- flag )  0> 0= ;
: case  ( -- 0 )  0 ; immediate compile-only
: of  ( n -- n+1 orig )  1+ >r postpone over postpone = postpone if postpone drop r> ; immediate compile-only
: endof  ( orig1 n -- orig2 n )  >r postpone else r> ; immediate compile-only
: endcase  ( orig1 ... origN N -- )  postpone drop 0 ?do postpone then loop ; immediate compile-only

\ S\" escapes (Forth-2012 6.2.2266): \a \b \e \f \l \m \n \q \r \t \v \z \" \\ \xHH.
: next-char  ( -- c )  source >in @ tuck > if + c@ 1 >in +! else 2drop 0 then ;
: hex-digit  ( c -- n )  toupper dup [char] A < if [char] 0 - else [char] A - 10 + then ;
: escape,  ( c -- )
  case
    [char] a of 7 c, endof    [char] b of 8 c, endof    [char] e of 27 c, endof
    [char] f of 12 c, endof   [char] l of 10 c, endof   [char] m of 13 c, 10 c, endof
    [char] n of 10 c, endof   [char] q of 34 c, endof   [char] r of 13 c, endof
    [char] t of 9 c, endof    [char] v of 11 c, endof   [char] z of 0 c, endof
    [char] x of next-char hex-digit 16 * next-char hex-digit + c, endof
    dup c,
  endcase ;
: parse-escaped  ( -- )
  begin next-char dup [char] " <> over 0<> and while
    dup [char] \ = if drop next-char escape, else c, then
  repeat drop ;
: compile-s\"  ( "text<quote>" -- )  ['] (s") , here 0 , parse-escaped here over cell+ - swap ! align ;
: s\"  ( "text<quote>" -- c-addr u )
  state @ if compile-s\" else here dup parse-escaped here over - save-transient rot dp ! then ; immediate
' compile-s\" compiles-with

\ Values and deferred words (TO, IS and ACTION-OF work by the word's code field kind).
: code-kind  ( xt -- n )  @ ;
: defer@  ( xt1 -- xt2 )  >body @ ;
: defer!  ( xt2 xt1 -- )  >body ! ;
: (to)  ( i*x xt -- )
  dup code-kind case
    dovalue: of >body ! endof
    do2value: of >body 2! endof
    dofvalue: of >body f! endof
    dodefer: of >body ! endof
    -32 throw
  endcase ;
: compile-to  ( "name" -- )  ' postpone literal postpone (to) ;
: to  ( i*x "name" -- )  state @ if compile-to else ' (to) then ; immediate
' compile-to compiles-with
: is  ( xt "name" -- )  state @ if compile-to else ' (to) then ; immediate
' compile-to compiles-with
: compile-action-of  ( "name" -- )  ' postpone literal postpone defer@ ;
: action-of  ( "name" -- xt )  state @ if compile-action-of else ' defer@ then ; immediate
' compile-action-of compiles-with

\ The text interpreter.
: ?stack  ( -- )  depth 0< if -4 throw then  fdepth 0< if -45 throw then ;
: interpret-word  ( i*x xt -- j*x )
  state @ if
    dup immediate? if execute else compile, then
  else
    dup compile-only? if -14 throw then execute
  then ;
: fliteral  ( F: r -- )  ['] flit , here 8 allot f! ; immediate compile-only
: interpret-number  ( c-addr u -- i*x )
  2dup number? ?dup if
    2 = if 2swap 2drop state @ if postpone 2literal then
    else nip nip state @ if postpone literal then then exit
  then
  2dup (float?) if 2drop state @ if postpone fliteral then exit then
  -13 throw ;
: interpret  ( i*x -- j*x )
  begin parse-name dup while
    2dup find-name ?dup if nip nip interpret-word else interpret-number then
    ?stack
  repeat 2drop ;

\ Nested input sources: the host saves and restores the source; a throw passes through.
: with-source  ( i*x xt -- j*x )  catch (pop-source) rethrow ;
: evaluate  ( i*x c-addr u -- j*x )  (evaluate-source) ['] interpret with-source ;
: include-lines  ( -- )  begin refill while interpret repeat ;
: included  ( i*x c-addr u -- j*x )  (include-source) ['] include-lines with-source ;
: include-file  ( i*x fileid -- j*x )  (fileid-source) ['] include-lines with-source ;
: include  ( "name" -- )  parse-name included ;
: required  ( c-addr u -- )  2dup (included?) if 2drop else included then ;
: require  ( "name" -- )  parse-name required ;
: source-id  ( -- 0 | -1 | fileid )  'source-id @ ;

: (abort")  ( flag c-addr u -- )  rot if (abort-message) -2 throw then 2drop ;
: abort"  ( "text<quote>" -- )  postpone s" postpone (abort") ; immediate compile-only

\ Forth-2012 6.2.1850 MARKER: restores the dictionary pointer, the latest words, every word
\ list's latest word and the search order as they were before the marker was defined (the
\ marker itself, already the latest word when the heads are saved, is replaced by its link).
: marker  ( "name" -- )
  here last @ last-header @ current @  create , , , ,
  voclink @ dup , begin dup while dup @ dup last @ = if 16 - @ then , 2 cells + @ repeat drop
  #order @ dup , 0 ?do context i cells + @ , loop
  does>  ( a-addr -- )
    dup @ current !  cell+ dup @ last-header !  cell+ dup @ last !  cell+ dup @ >r  cell+
    dup @ dup voclink !  swap cell+ swap
    begin dup while  over @ over !  swap cell+ swap  2 cells + @  repeat drop
    dup @ dup #order !  swap cell+ swap  0 ?do  dup @ context i cells + !  cell+  loop drop
    r> dp ! ;
: unused  ( -- u )  dictionary-limit @ here - ;
