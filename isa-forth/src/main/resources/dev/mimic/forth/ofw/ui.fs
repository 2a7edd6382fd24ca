\ Mimic Open Firmware, part 7: the user interface (IEEE 1275 7): browsing the device tree,
\ aliases, probing FCode ROMs, load and go.

\ ---- aliases (7.4.3): /aliases properties name a path; a path may start with one ----
s" /aliases" locate-device constant aliases-node
512 text-buffer alias-text
: +alias  ( str len -- )  alias-text +text ;
:noname  ( str len -- str' len' )
  [char] / left-parse-string 2dup aliases-node get-package-property if 2drop exit then
  2swap 2drop  alias-text empty-text  1- +alias  dup if s" /" +alias +alias else 2drop then
  alias-text text$ ;
is alias-path
: devalias  ( ["alias" "path"] -- )
  parse-name dup 0= if
    2drop aliases-node >props @ @ begin ?dup while  \ the first property is the node's name
      dup prop-name 24 .padded  dup prop-value 1- type cr @
    repeat exit
  then
  parse-name dup 0= if -1 abort" devalias: no path" then
  encode-string 2swap aliases-node set-property ;

\ ---- browsing (7.4.11) ----
: dev  ( "path" -- )  parse-name find-device ;
: device-end  ( -- )  0 set-active ;
: pwd  ( -- )  active-package ?dup if .node-path else ." no active package" then cr ;
: ?active  ( -- phandle )  active-package dup 0= if -1 abort" no active package (dev one first)" then ;
: .node-label  ( phandle -- )
  dup node-name type  node-unit ?dup if [char] @ emit type else drop then ;
: ls  ( -- )  ?active child begin ?dup while dup .node-label cr peer repeat ;
: (show-devs)  ( phandle -- )
  child begin ?dup while dup .node-path cr dup recurse peer repeat ;
: show-devs  ( ["path"] -- )
  parse-name dup if locate-device dup 0= if -1 abort" no such device" then else 2drop root-node then
  (show-devs) ;

\ A property value prints as text when it is NUL-terminated printable strings, as 32-bit
\ integers in hex when its length is a multiple of 4, otherwise as bytes.
: printable?  ( addr len -- flag )
  dup 0= if 2drop false exit then
  2dup + 1- c@ if 2drop false exit then
  over c@ 0= if 2drop false exit then
  bounds ?do i c@ dup 0= swap bl 127 within or 0= if unloop false exit then loop true ;
: .strings  ( addr len -- )
  begin dup while decode-string type dup if ."  + " then repeat 2drop ;
: .hex-cell  ( n -- )  $ffffffff and base @ >r hex 0 <# # # # # # # # # #> type r> base ! ;
: .ints  ( addr len -- )  begin dup while decode-int .hex-cell dup if space then repeat 2drop ;
: .bytes  ( addr len -- )
  bounds ?do i c@ base @ >r hex 0 <# # # #> type r> base ! loop ;
: .property-value  ( addr len -- )
  2dup printable? if .strings exit then
  dup 3 and 0= if .ints else .bytes then ;
: .properties  ( -- )
  ?active >props @ begin ?dup while
    dup prop-name 24 .padded  dup prop-value .property-value cr @
  repeat ;

\ ---- opening devices by path (the client interface's open, and the disk packages) ----
\ The unit of a path is what follows the "@" of its last component.
: path-unit  ( path len -- unit-str unit-len )
  2dup + >r
  begin dup while 2dup + 1- c@ dup [char] @ = swap [char] / = or 0= while 1- repeat then
  dup 0= if 2drop r> 0 exit then
  2dup + 1- c@ [char] @ <> if 2drop r> 0 exit then
  + r> over - ;
\ Opening a device opens its ancestors first, from the root, each the parent of the next; the
\ device's own instance gets the path's unit and arguments.
create chain 16 cells allot  variable #chain
: collect-chain  ( phandle -- )  \ the device first, the root last
  0 #chain !  begin dup while  #chain @ 16 < if dup chain #chain @ cells + ! 1 #chain +! then  parent repeat drop ;
: open-chain  ( unit-str unit-len arg-str arg-len phandle -- ihandle | 0 )
  collect-chain  my-self >r  0 to my-self
  #chain @ 1 ?do
    0 0 chain #chain @ i - cells + @ open-package
    dup 0= if unloop nip nip nip nip r> to my-self exit then  to my-self
  loop
  chain @ new-instance dup >r set-unit r> open-instance  r> to my-self ;
: open-dev  ( path len -- ihandle | 0 )
  split-args 2swap 2dup locate-device ?dup 0= if 2drop 2drop 0 exit then
  >r path-unit 2swap r> open-chain ;
: close-dev  ( ihandle -- )  begin ?dup while dup >iparent @ swap close-package repeat ;

\ ---- FCode ROMs (5.3.7.6): the host attaches ROM files; probe-all evaluates each in a new child
\ of the root whose unit (my-space) is its slot number ----
\ A ROM from a PCI expansion ROM image (or one the host knows QEMU runs for a PCI function) comes
\ with the card's identity: the card sits in /pci as device slot+1, its configuration space holds
\ that identity and the BARs the host lists (attach-bar), and the PCI bus binding turns them into
\ properties (reg, assigned-addresses, vendor-id, device-id, class-code) and the name
\ pciVVVV,DDDD before the FCode runs, so a driver that does not name its node still has a name.
8 constant #slots
4 cells constant /rom  \ program address, vendor (-1: not PCI), device, class code
create rom-table #slots /rom * allot  variable #roms
: rom  ( slot -- addr )  /rom * rom-table + ;
: attach-pci-fcode  ( path len offset vendor device class -- )
  #roms @ #slots = if -1 abort" too many FCode ROMs" then
  #roms @ rom >r  r@ 3 cells + !  r@ 2 cells + !  r@ cell+ !
  >r fcode-file drop r> +  r@ !  1 #roms +!
  r> cell+ dup @ -1 = if drop exit then  dup @ swap cell+ 2@ swap #roms @ pci-card ;
: attach-fcode  ( path len offset -- )  -1 0 0 attach-pci-fcode ;
: attach-bar  ( i size type -- )  \ a BAR of the card attached last
  >r >r >r #roms @ r> r> r> pci-bar ;
: pci-rom?  ( slot -- flag )  rom cell+ @ -1 <> ;
32 text-buffer pci-name
: pci-identity  ( rom -- )
  dup cell+ @ -1 = if drop exit then
  dup cell+ @ encode-int s" vendor-id" property
  dup 2 cells + @ encode-int s" device-id" property
  dup 3 cells + @ encode-int s" class-code" property
  \ OpenBIOS types a node by its base class as QEMU's machines expect: 03 is a display controller
  dup 3 cells + @ 16 rshift 3 = if s" display" device-type then
  pci-name empty-text  s" pci" pci-name +text  dup cell+ @ hex$ pci-name +text
  s" ," pci-name +text  2 cells + @ hex$ pci-name +text  pci-name text$ device-name ;
variable probing
variable probe-slot#
:noname  ( -- )
  probing @ if
    s"  (probing " +message active-package node-path +message
    s"  in slot " +message probe-slot# @ 0 <# #s #> +message s" )" +message
  then ;
is fcode-where
: .probe-error  ( n -- )
  fcode-failed @ if drop fcode-message text$ type
  else ." probe of " active-package .node-path ."  failed: error " . then cr ;
: probe-slot  ( slot -- )
  dup probe-slot# !  my-self >r
  dup pci-rom? if pci-node else root-node then set-active  new-device
  my-self >iunit 4 cells erase
  dup pci-rom? if dup 1+ 11 lshift dup my-self >iunit ! assign-bars else dup my-self >iunit ! then
  false fcode-failed !  probing on
  rom dup pci-identity @ ['] c@ ['] byte-load catch  probing off
  ?dup if .probe-error 2drop postpone [ then
  r> to my-self  root-node set-active ;
: probe-all  ( -- )
  #roms @ 0 ?do i probe-slot loop  0 #roms !  0 set-active ;

\ ---- load and go (7.4.6): the boot device is a device path that opens (its load method reads the
\ image: disk:2 a partition, disk:,\dir\file a file) or else a file of the host; FCode is
\ byte-loaded, anything else evaluated as Forth source ----
variable load-base  variable loaded
: device-image  ( ihandle -- addr len )  \ what the device's load method reads, in memory of its size
  >r  " size" r@ $call-method drop
  dup 0= if r> close-dev -1 abort" load: the device does not know its size" then
  alloc-mem dup " load" r@ $call-method  r> close-dev ;
: load  ( "path" -- )
  parse-name dup 0= if 2drop s" boot-file" $getenv if 0 0 then then
  dup 0= if -1 abort" load: no file (give one, or setenv boot-file)" then
  2dup open-dev ?dup if nip nip device-image else fcode-file then  loaded ! load-base ! ;
: fcode?  ( addr -- flag )  c@ dup $f0 $f4 within swap $fd = or ;
: evaluate-lines  ( addr len -- )
  begin dup while 10 left-parse-string 2swap 2>r evaluate 2r> repeat 2drop ;
: go  ( -- )
  load-base @ 0= if -1 abort" go: nothing loaded" then
  load-base @ fcode? if load-base @ ['] c@ byte-load else load-base @ loaded @ evaluate-lines then ;
: boot  ( "path" -- )  load go ;

\ ---- other FCode functions (IEEE 1275 5.3.7) ----
: behavior  ( defer-xt -- contents-xt )  defer@ ;
: (is-user-word)  ( name-str name-len xt -- )
  get-current >r forth-wordlist set-current  -rot docol: (header) drop compile, 'exit ,  r> set-current ;
: diagnostic-mode?  ( -- flag )  s" diag-switch?" config-true? ;
variable mask
: firmware-version  ( -- n )  $10000 ;
\ processor-type (historical): the firmware runs on Mimic's Forth machine, none of the processors
\ the historical codes name, so it answers 0, unknown.
: processor-type  ( -- processor-type )  0 ;
: fcode-version  ( -- n )  fcode-revision ;
: mac-address  ( -- mac-str mac-len )  s" local-mac-address" get-my-property if 0 0 then ;
: memory-test-suite  ( addr len -- fail? )
  2dup $a5 fill  bounds ?do i c@ $a5 <> if unloop true exit then loop false ;
\ Device memory: the machine has no bus behind a device node, so mapping a device's registers or
\ frame buffer gives it fresh memory of the size asked, which the driver then owns.
: map-low  ( phys.lo ... phys.hi size -- virt )
  >r  active-package parent #address-cells 0 ?do drop loop  r> dup alloc-mem tuck swap erase ;
: dma-alloc  ( size -- virt )  alloc-mem ;
: free-virtual  ( virt size -- )  free-mem ;

\ Alarms: alarm runs xt every n milliseconds in the instance that set it (n = 0 stops it). No timer
\ interrupts the machine, so due alarms run while the firmware waits in ms. An alarm calling
\ user-abort makes the wait abort once the alarm has returned, as a typed abort sequence would.
8 constant #alarms
4 cells constant /alarm  \ xt, instance, period (0: free), next due time
create alarm-table #alarms /alarm * dup allot  alarm-table swap erase
: alarm#  ( i -- addr )  /alarm * alarm-table + ;
: alarm-of  ( xt ihandle -- addr | 0 )
  #alarms 0 ?do
    i alarm# dup @ 3 pick = over cell+ @ 3 pick = and if nip nip unloop exit then drop
  loop 2drop 0 ;
: alarm  ( xt n -- )
  over my-self alarm-of ?dup 0= if 0 0 alarm-of then
  ?dup 0= if -1 abort" alarm: too many alarms" then
  over 0= if /alarm erase 2drop exit then
  >r  dup get-msecs + r@ 3 cells + !  r@ 2 cells + !  my-self r@ cell+ !  r> ! ;
variable aborting
: user-abort  ( -- )  aborting on ;
: due?  ( addr -- flag )  dup 2 cells + @ 0<> swap 3 cells + @ get-msecs - 0<= and ;
: run-alarm  ( addr -- )
  dup 2 cells + @ get-msecs + over 3 cells + !
  my-self >r  dup cell+ @ to my-self  @ execute  r> to my-self ;
: run-alarms  ( -- )
  #alarms 0 ?do i alarm# dup due? if run-alarm else drop then loop
  aborting @ if aborting off abort then ;
: ms  ( n -- )
  get-msecs +  begin run-alarms  dup get-msecs - dup 0> while 1 min ms repeat 2drop ;
