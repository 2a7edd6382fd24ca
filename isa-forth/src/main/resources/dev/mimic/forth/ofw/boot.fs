\ Mimic Open Firmware, last part: the boot sequence and the ok prompt.

: ofw-banner  ( -- )  ." Mimic Open Firmware (IEEE 1275), 64-bit cells" cr ;
\ Each command-line text (the host's setup, such as FCode ROMs to attach) is evaluated; an error
\ is reported and the boot goes on, as a firmware must.
: ofw-arguments  ( -- )
  begin (next-argument) ?dup while
    1 = if ['] included else ['] evaluate then catch ?dup if (report-error) clear-stacks then
  repeat ;
: ofw-quit  ( -- )
  r0 rp!  0 handler !  postpone [  (reset-sources)  true in-quit !
  begin ." ok " refill while
    cr ['] interpret catch ?dup if (report-error) clear-stacks postpone [ (reset-sources) then
  repeat cr 0 (bye) ;
: run-nvramrc  ( -- )
  use-nvramrc? if ['] nvrun catch ?dup if (report-error) clear-stacks then then ;
\ The console's input is input-device's (the keyboard unless set otherwise), if it opens.
: console-input  ( -- )
  s" input-device" $getenv 0= if ['] input catch if 2drop then then ;
: ofw-boot  ( -- )  0 set-active  ofw-arguments probe-all console-input run-nvramrc ofw-banner ofw-quit ;
