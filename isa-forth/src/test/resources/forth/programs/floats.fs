\ Floating point, as gforth prints it.
1e 3e f/ f. 2e fsqrt f. 1.5e fe. 1.5e fs. cr
123.456e f. 1e10 f. 100e f. 0.1e f. 1e-5 f. -2.5e f. cr
2e 10e f** f. 10e fln f. 100e flog f. 0e fexp f. cr
3.7e floor f. -3.7e floor f. 2.5e fround f. 3.5e fround f. -3.7e ftrunc f. cr
1e 2e f< . 2e 1e f< . 1e 1e f= . 0e f0= . -1e f0< . cr
7.9e f>s . -7.9e f>s . 3 s>f f. 12345678. d>f f. 2.5e f>d d. cr
fvariable fv 3.25e fv f!  fv f@ f. cr
2.5e fconstant half-five  half-five half-five f* f. cr
5 set-precision 1e 3e f/ f. 2e fsqrt fe. 15 set-precision cr
1e 2e 3e fdepth . frot f. f. f. cr
pi f. pi 2e f/ fsin f. cr
s" 3.5e2" >float . f. s" abc" >float . cr
