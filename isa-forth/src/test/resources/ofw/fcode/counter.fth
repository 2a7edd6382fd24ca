\ A driver with per-instance state: each open instance counts on its own.
fcode-version2
" counter" device-name
instance variable count
5 instance value step
external
: open  ( -- true )  0 count ! true ;
: close  ( -- )  ;
: bump  ( -- n )  count @ step + dup count ! ;
: faster  ( -- )  step 2* to step ;
fcode-end
