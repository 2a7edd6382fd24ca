\ Double-cell numbers.
1. d. -1. d. 123456789012345678. d. cr
1 2 3 4 d+ d. 5 0 7 0 d- d. cr
-1 -1 um* d. 7 3 m* d. -7 3 m* d. cr
100 0 7 um/mod . . -100 s>d 7 fm/mod . . -100 s>d 7 sm/rem . . cr
12345. 10 d.r ." |" -2 -1 5 d.r ." |" cr
1. 2. d< . 2. 1. d< . -1. 1. d= . 5. dnegate d. cr
1000000. 3 7 m*/ d. cr
<# 1234. # # 46 hold #s #> type cr
