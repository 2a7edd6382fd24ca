\ Search order, environment, structures, markers and exceptions as a program sees them.
wordlist constant extra
extra set-current  : secret ." found the secret" ;  forth-wordlist set-current
extra >order secret previous cr
s" secret" ' evaluate catch . 2drop cr
s" max-n" environment? . . cr
s" /counted-string" environment? . . cr
s" no-such-query" environment? . cr
begin-structure point  field: p.x  field: p.y  end-structure
point . create pt point allot  3 pt p.x !  4 pt p.y !  pt p.x @ pt p.y @ + . cr
marker forget-me  : temporary ." still here" ;  temporary cr
forget-me  s" temporary" ' evaluate catch . 2drop cr
: risky ( n -- ) dup 0= if -99 throw then . ;
5 ' risky catch . 0 ' risky catch . . cr
: cleanup ['] risky catch if ." caught" then ;  0 cleanup cr
[defined] dup . [undefined] no-such-word . cr
1 [if] ." yes" [else] ." no" [then] 0 [if] ." yes" [else] ." no" [then] cr
here 100 allot here swap - . cr
