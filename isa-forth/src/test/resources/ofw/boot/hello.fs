\ A client program in Forth source: boot loads it and go evaluates it line by line.
: greet  ( -- )
  ." hello from a loaded program" cr ;
greet
