\ Control flow, literals and strings: the same text runs as Forth and, tokenized by toke, as FCode.
fcode-version2
decimal
external
: sq  ( n -- n*n )  dup * ;
: squares  ( n -- )  0 ?do i sq . loop cr ;
: sign$  ( n -- )  dup 0< if ." negative" drop else 0= if ." zero" else ." positive" then then cr ;
: countdown  ( n -- )  begin dup while dup . 1- repeat drop cr ;
: until-loop  ( -- )  1 begin 2* dup 100 > until . cr ;
: again-loop  ( -- n )  0 begin 1+ dup 7 = if exit then again ;
: steps  ( -- )  20 0 do i . 5 +loop cr ;
: leaver  ( -- )  10 0 do i 3 = if leave then i . loop cr ;
: nested  ( -- )  3 0 do 2 0 do j 10 * i + . loop loop cr ;
: name-of  ( n -- )
  case 1 of ." one" endof 2 of ." two" endof 3 of ." three" endof ." many" endcase cr ;
: big  ( -- )  12345678 . -5 . -1 . 0 . 1 . 2 . 3 . 2147483647 . cr ;
: strings  ( -- )  " inline" type cr s" standard" type cr ;
decimal
: fact  ( n -- n! )  dup 1 > if dup 1- recurse * else drop 1 then ;
: ticks  ( -- )  ['] sq 6 swap execute . cr ;
decimal
5 squares
-3 sign$  0 sign$  9 sign$
4 countdown
until-loop
again-loop . cr
steps
leaver
nested
1 name-of 2 name-of 3 name-of 9 name-of
big
strings
10 fact . cr
ticks
fcode-end
