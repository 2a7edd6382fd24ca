\ Mimic Forth kernel, part 4: the top level. The host enters (BOOT) to run a command line as
\ gforth does (include each file, evaluate each -e text, then the ok loop) and QUIT for an
\ interactive session.

: .ok  ( -- )  state @ if ."  compiled" else ."  ok" then cr ;
: clear-stacks  ( i*x -- )  s0 sp! f0 fp! ;
: quit  ( -- )
  r0 rp!  0 handler !  postpone [  (reset-sources)  true in-quit !
  begin refill while
    ['] interpret catch ?dup if (report-error) clear-stacks postpone [ (reset-sources) else .ok then
  repeat cr 0 (bye) ;
: (boot)  ( -- )
  begin (next-argument) ?dup while
    1 = if ['] included else ['] evaluate then catch ?dup if (report-error) 1 (bye) then
  repeat quit ;

-1 warnings !
