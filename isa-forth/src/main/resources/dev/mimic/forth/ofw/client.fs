\ Mimic Open Firmware, part 9: the client interface (IEEE 1275 6.3). A client program calls
\ CIF-HANDLER with the address of an argument array of cells: the address of the service's
\ NUL-terminated name, the number of arguments N, the number of returns M, N arguments, M returns.
\ It answers 0 when the service exists (the service reports its own failures in the returns) and
\ -1 when it does not.

wordlist constant cif-services
variable cif-args
: cif-nargs  ( -- n )  cif-args @ cell+ @ ;
: cif-nrets  ( -- n )  cif-args @ 2 cells + @ ;
: arg@  ( i -- x )  3 + cells cif-args @ + @ ;
: ret!  ( x i -- )  cif-nargs + 3 + cells cif-args @ + ! ;
: cstring  ( addr -- addr len )  dup 4096 strlen0 ;
: cif-handler  ( array -- result )
  cif-args @ >r  cif-args !
  cif-args @ @ cstring cif-services search-wordlist if execute 0 else -1 then
  r> cif-args ! ;

\ call-method and interpret pass stack arguments (the last pushed first, so argument 1 is on
\ top) and return the CATCH result followed by the stack results, the top first.
: push-args  ( first -- )  cif-nargs 1- 2dup > if 2drop exit then do i arg@ -1 +loop ;
: pop-rets  ( -- )  cif-nrets 1 ?do i ret! loop ;
: drop-to  ( depth -- )  >r begin depth r@ > while drop repeat r> drop ;
variable cif-xt
: stack-call  ( xt first-arg -- )
  swap cif-xt !  depth 1- >r  push-args  cif-xt @ catch
  ?dup if r> swap >r drop-to r> 0 ret! else r> drop pop-rets 0 0 ret! then ;

\ claim and release serve memory from the heap; a fixed address (align 0) cannot be promised.
16 constant #claims
create claims #claims 2* cells allot  \ pairs: base handed out, block allocated (0 when free)
: claim-slot  ( -- addr | 0 )
  claims #claims 0 ?do dup cell+ @ 0= if unloop exit then 2 cells + loop drop 0 ;

: (call-method)  ( ... -- ... )  0 arg@ cstring 1 arg@ $call-method ;
: (interpret)  ( ... -- ... )  0 arg@ cstring evaluate ;

\ enter: the client hands the user the ok prompt until GO resumes it; the rest of the line that
\ called the client is kept aside and parsed on afterwards.
variable entered  variable resume?
create suspended-line 1024 allot
: nested-prompt  ( -- )
  begin resume? @ 0= while
    ." ok " refill 0= if exit then
    cr ['] interpret catch ?dup if (report-error) then
  repeat ;
: enter-interpreter  ( -- )
  source 1024 min tuck suspended-line swap move  >in @ >r >r
  resume? off  1 entered +!  nested-prompt  -1 entered +!
  suspended-line 'source !  r> #source !  r> >in ! ;
: go  ( -- )  entered @ if resume? on else go then ;

get-current cif-services set-current
: finddevice  ( path -- phandle )  0 arg@ cstring locate-device ?dup 0= if -1 then 0 ret! ;
: getprop  ( phandle name buf buflen -- size )
  1 arg@ cstring 0 arg@ get-package-property if -1 else dup >r 3 arg@ min 2 arg@ swap move r> then 0 ret! ;
: getproplen  ( phandle name -- len )
  1 arg@ cstring 0 arg@ get-package-property if -1 else nip then 0 ret! ;
: nextprop  ( phandle previous buf -- flag )
  1 arg@ cstring 0 arg@ next-property if
    2 arg@ over over + >r swap move 0 r> c! 1
  else 0 then 0 ret! ;
: setprop  ( phandle name buf len -- size )
  2 arg@ 3 arg@ 1 arg@ cstring 0 arg@ set-property 3 arg@ 0 ret! ;
: instance-to-package  ( ihandle -- phandle )  0 arg@ ihandle>phandle 0 ret! ;
: package-to-path  ( phandle buf buflen -- length )
  0 arg@ node-path dup >r 2 arg@ min 1 arg@ swap move r> 0 ret! ;
: open  ( device-specifier -- ihandle )  0 arg@ cstring open-dev 0 ret! ;
: close  ( ihandle -- )  0 arg@ close-dev ;
: read  ( ihandle addr len -- actual )  1 arg@ 2 arg@ s" read" 0 arg@ $call-method 0 ret! ;
: write  ( ihandle addr len -- actual )  1 arg@ 2 arg@ s" write" 0 arg@ $call-method 0 ret! ;
: seek  ( ihandle pos.hi pos.lo -- status )  2 arg@ 1 arg@ s" seek" 0 arg@ $call-method 0 ret! ;
: claim  ( virt size align -- base )
  2 arg@ 0= claim-slot 0= or if -1 0 ret! exit then
  1 arg@ 2 arg@ + alloc-mem  dup 2 arg@ 1- + 2 arg@ negate and  tuck claim-slot pair!  0 ret! ;
: release  ( virt size -- )
  claims #claims 0 ?do
    dup @ 0 arg@ = over cell+ @ 0<> and if dup cell+ @ 0 free-mem 0 0 rot pair! unloop exit then
    2 cells +
  loop drop ;
: call-method  ( method ihandle arg1 ... -- catch-result ret1 ... )
  ['] (call-method) 2 stack-call ;
: interpret  ( cmd arg1 ... -- catch-result ret1 ... )  ['] (interpret) 1 stack-call ;
: milliseconds  ( -- ms )  get-msecs 0 ret! ;
: exit  ( -- )  -1 throw ;
: enter  ( -- )  enter-interpreter ;
set-current
