\ A program that has another byte-loaded in the middle of it: its own FCode numbers survive.
fcode-version2
external
: outer-word  ( -- )  ." outer" cr ;
" load-inner" evaluate
outer-word
fcode-end
