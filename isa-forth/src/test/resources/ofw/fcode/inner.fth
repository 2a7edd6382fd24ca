\ Defines the same program-local FCode number as outer.fth, for something else.
fcode-version2
external
: inner-word  ( -- )  ." inner" cr ;
inner-word
fcode-end
