\ Mimic Open Firmware, part 5: the PCI bus (IEEE 1275 PCI bus binding). /pci is bus 0; each FCode
\ ROM the host attaches for a PCI function is a card in a device slot whose configuration space is
\ modelled here: the identity header the host gives (vendor, device, class code) and base address
\ registers (BARs) that answer the sizing protocol as hardware does. Probing sizes and assigns the
\ BARs, then writes reg and assigned-addresses, which the card's driver maps with map-in (or
\ OpenBIOS's pci-map-in): the machine has no bus behind them, so a mapping is memory.

\ ---- configuration space: 256 bytes for function 0 of devices 1..#pci-devices of bus 0 ----
8 constant #pci-devices
256 constant /config
create config-space  #pci-devices 1+ /config * dup allot  config-space swap erase
create bar-sizes  #pci-devices 1+ 6 * cells dup allot  bar-sizes swap erase  \ 0: no BAR
: device#  ( config-addr -- device# )  11 rshift $1f and ;
\ A configuration address reaches a modelled function: bus 0, function 0, a device with a vendor.
: config-present?  ( config-addr -- flag )
  dup $ffff0700 and 0= swap device# dup 1 #pci-devices 1+ within swap
  /config * config-space + w@ 0<> and and ;
: config-adr  ( config-addr -- addr )  dup device# /config * swap $ff and + config-space + ;
: bar#  ( config-addr -- i | -1 )  \ which BAR a configuration address writes, if any
  $ff and dup $10 $28 within over 3 and 0= and if $10 - 2 rshift else drop -1 then ;
: bar-size  ( config-addr i -- size )  swap device# 6 * + cells bar-sizes + @ ;
: config-l@  ( config-addr -- quad )  dup config-present? if -4 and config-adr l@ else drop $ffffffff then ;
: config-w@  ( config-addr -- w )  dup config-present? if -2 and config-adr w@ else drop $ffff then ;
: config-b@  ( config-addr -- byte )  dup config-present? if config-adr c@ else drop $ff then ;
\ A BAR keeps only the address bits its size decodes; its type bits (I/O, prefetchable) stay.
: bar!  ( quad config-addr i -- )
  2dup bar-size ?dup 0= if 2drop drop exit then
  >r drop config-adr  dup l@ dup 1 and if 3 else 15 then and  ( quad addr type )
  rot r> negate and or swap l! ;
: config-l!  ( quad config-addr -- )
  dup config-present? 0= if 2drop exit then  -4 and
  dup bar# dup 0>= if bar! else drop config-adr l! then ;
: config-w!  ( w config-addr -- )
  dup config-present? 0= if 2drop exit then  dup bar# 0>= if 2drop exit then  -2 and config-adr w! ;
: config-b!  ( byte config-addr -- )
  dup config-present? 0= if 2drop exit then  dup bar# 0>= if 2drop exit then  config-adr c! ;

\ The host's side: a card in slot device# with its identity, and the BARs it implements.
: pci-card  ( vendor device class-code device# -- )
  11 lshift >r  8 lshift r@ 8 + config-adr l!  r@ 2 + config-adr w!  r> config-adr w! ;
: pci-bar  ( device# i size type -- )  \ type: the BAR's low bits (1 I/O, 8 prefetchable memory)
  >r >r  2dup swap 6 * + cells bar-sizes + r> swap !
  4 * $10 + swap 11 lshift + config-adr r> swap l! ;

\ ---- assigning BARs (as a firmware's bus enumeration does): memory from 8000.0000, I/O from 1000 ----
variable next-memory  $80000000 next-memory !
variable next-io  $1000 next-io !
: bar-space  ( bar-value -- ss )  1 and if 1 else 2 then ;  \ phys.hi space code: 1 I/O, 2 32-bit memory
: align-up  ( n size -- n' )  1- tuck + swap invert and ;
: assign  ( size ss -- addr )
  1 = if next-io else next-memory then >r  r@ @ over align-up  tuck + r> !  ;
\ phys.hi of a BAR: n p t ss bbbbbbbb ddddd fff rrrrrrrr, relocatable (n clear).
: bar-phys.hi  ( config-addr bar-value -- phys.hi )
  dup bar-space 24 lshift swap 8 and if $40000000 or then  or ;
: encode-reg-entry  ( phys.lo phys.mid phys.hi size -- prop-addr prop-len )
  >r encode-int rot encode-int encode+ rot encode-int encode+ 0 encode-int encode+ r> encode-int encode+ ;
\ Probing a card: each BAR is sized (all ones written, the decoded bits read back), assigned and
\ enabled; reg lists configuration space and the BARs' sizes, assigned-addresses where they are.
create reg-build 7 20 * allot  variable #reg-build
create assigned-build 6 20 * allot  variable #assigned-build
: +build  ( prop-addr prop-len build #build -- )  >r  r@ @ + swap dup r> +! move ;
variable bar-adr  variable bar-value  variable bar-len
: bar-address  ( -- addr )  bar-adr @ config-l@  bar-value @ 1 and if -4 else -16 then and $ffffffff and ;
: probe-bar  ( bar-config-addr -- )
  bar-adr !  $ffffffff bar-adr @ config-l!  bar-adr @ config-l@ bar-value !
  bar-address ?dup 0= if exit then  negate $ffffffff and bar-len !
  bar-len @ bar-value @ bar-space assign  bar-adr @ config-l!
  bar-adr @ bar-value @ bar-phys.hi >r
  0 0 r@ bar-len @ encode-reg-entry reg-build #reg-build +build
  bar-address 0 r> $80000000 or bar-len @ encode-reg-entry assigned-build #assigned-build +build ;
: assign-bars  ( config-addr -- )
  0 #reg-build !  0 #assigned-build !
  dup >r 0 0 r> 0 encode-reg-entry reg-build #reg-build +build
  6 0 do dup i 4 * $10 + + probe-bar loop
  dup 4 + config-w@ 3 or swap 4 + config-w!  \ memory and I/O decoding on (the command register)
  reg-build #reg-build @ s" reg" property
  #assigned-build @ if assigned-build #assigned-build @ s" assigned-addresses" property then ;

\ ---- the /pci node ----
root-node set-active
new-device  s" pci" device-name  s" pci" device-type
  3 encode-int s" #address-cells" property  2 encode-int s" #size-cells" property
  0 encode-int 0 encode-int encode+ s" bus-range" property
  : open  ( -- true )  true ;
  : close  ( -- )  ;
  \ A unit address is DD or DD,F, the device and function in hex (the binding's text form).
  : encode-unit  ( phys.lo phys.mid phys.hi -- str len )
    nip nip  dup 8 rshift 7 and >r device# hex$ unit-text empty-text unit-text +text
    r> ?dup if s" ," unit-text +text hex$ unit-text +text then  unit-text text$ ;
  : decode-unit  ( str len -- phys.lo phys.mid phys.hi )
    [char] , left-parse-string base @ >r hex $number if 0 then >r $number if 0 then r> r> base !
    11 lshift swap 8 lshift or  0 0 rot ;
  \ Mappings: the same physical range gives back the same memory.
  8 constant #mappings
  create mappings  #mappings 3 * cells dup allot  mappings swap erase  \ phys.hi, phys.lo, virt
  : mapping  ( i -- addr )  3 * cells mappings + ;
  : mapped  ( phys.lo phys.hi -- virt | 0 )
    #mappings 0 do i mapping 2@ 2over d= if 2drop i mapping 2 cells + @ unloop exit then loop 2drop 0 ;
  : map-in  ( phys.lo phys.mid phys.hi size -- virt )
    >r nip $03ffffff and  2dup mapped ?dup if nip nip r> drop exit then
    r> dup alloc-mem tuck swap erase  ( phys.lo phys.hi virt )
    #mappings 0 do i mapping dup 2 cells + @ 0= if
      >r  r@ 2 cells + over swap !  -rot r> 2! unloop exit then drop
    loop nip nip ;
  : pci-map-in  ( phys.lo phys.mid phys.hi size -- virt )  map-in ;
  : map-out  ( virt size -- )  2drop ;
  : dma-alloc  ( size -- virt )  alloc-mem ;
  : dma-free  ( virt size -- )  free-mem ;
  : dma-map-in  ( virt size cacheable? -- devaddr )  2drop ;
  : dma-map-out  ( virt devaddr size -- )  2drop drop ;
  : config-l@  config-l@ ;  : config-w@  config-w@ ;  : config-b@  config-b@ ;
  : config-l!  config-l! ;  : config-w!  config-w! ;  : config-b!  config-b! ;
finish-device
0 set-active
s" /pci" locate-device constant pci-node
