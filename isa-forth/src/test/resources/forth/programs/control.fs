\ Control structures, definitions and defining words.
: classify ( n -- ) dup 0< if ." negative" else dup 0= if ." zero" else ." positive" then then drop ;
-5 classify space 0 classify space 7 classify cr
: count-down ( n -- ) begin dup . 1- dup 0= until drop ;  5 count-down cr
: evens ( n -- ) 0 begin 2dup > while dup . 2 + repeat 2drop ;  10 evens cr
: nested 3 0 do 2 0 do i j 10 * + . loop loop ;  nested cr
: find-first ( -- n ) 100 0 do i 7 * 50 > if i unloop exit then loop -1 ;  find-first . cr
: leaving 10 0 do i 5 = if leave then i . loop ." done" ;  leaving cr
: day ( n -- ) case 0 of ." sun" endof 6 of ." sat" endof ." weekday" endcase ;  0 day 3 day 6 day cr
: fact ( n -- n! ) dup 2 < if drop 1 else dup 1- recurse * then ;  10 fact . 20 fact . cr
: counter create 0 , does> dup @ 1+ dup rot ! ;  counter c1  c1 . c1 . c1 . cr
: array create cells allot does> swap cells + ;  5 array arr  42 3 arr !  3 arr @ . cr
defer greet  : hello ." hello" ;  ' hello is greet  greet  : bye-word ." goodbye" ;  ' bye-word is greet greet cr
5 value v  v .  10 to v  v .  : set-v 20 to v ; set-v v . cr
:noname 3 * ; constant triple  14 triple execute . cr
variable x  3 x !  x @ .  4 x +!  x ? cr
2 constant two  two two * . cr
: compiled-literal [ 6 7 * ] literal . ;  compiled-literal cr
: postponer postpone dup ; immediate  : twice postponer + ;  21 twice . cr
