\ Integer arithmetic, number output and bases.
1 2 + . 7 3 - . 6 7 * . cr
-7 2 / . -7 2 mod . 7 -2 / . 7 -2 mod . -7 2 /mod . . cr
10 3 4 */ . 1000000 1000000 1000 */mod . . cr
-1 u. -1 . 123 -456 min . 123 -456 max . -5 abs . cr
hex 255 . -1 . 1000 u. decimal 255 . cr
2 base ! 1010 . decimal 36 base ! zz . decimal cr
12345 8 .r ." |" -12 6 .r ." |" 42 0 .r ." |" cr
1 63 lshift . 1 63 lshift 1- . -8 2/ . -8 1 rshift . cr
: up 5 0 ?do i . loop ; up cr : down 0 10 do i . -3 +loop ; down cr : none 0 0 ?do i . loop ." none" ; none cr
1 2 3 4 5 2 pick . 3 roll . . . . . cr
1 2 3 .s 2drop drop cr
