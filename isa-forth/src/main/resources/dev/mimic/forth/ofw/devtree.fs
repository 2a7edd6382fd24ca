\ Mimic Open Firmware, part 3: the device tree (IEEE 1275 3.2-3.5, 5.3.4, 5.3.5): nodes with
\ properties and methods, package instances, and the property encodings.

\ ---- property encodings (5.3.5): big-endian 32-bit integers, NUL-terminated strings ----
: be-l!  ( quad addr -- )  >r lbsplit r@ c! r@ 1+ c! r@ 2 + c! r> 3 + c! ;
: be-l@  ( addr -- n )
  dup 3 + c@ swap dup 2 + c@ swap dup 1+ c@ swap c@ bljoin  dup $80000000 and if $100000000 - then ;
: encode-bytes  ( addr len -- prop-addr prop-len )  here swap 2dup 2>r dup allot move 2r> ;
: encode-int  ( n -- prop-addr 4 )  here 4 allot tuck be-l! 4 ;
: encode-string  ( str len -- prop-addr prop-len )  encode-bytes 0 c, 1+ ;
: encode+  ( prop-addr1 len1 prop-addr2 len2 -- prop-addr3 len3 )
  2swap encode-bytes 2swap encode-bytes nip + ;
: decode-int  ( prop-addr len -- prop-addr' len' n )  over be-l@ >r 4 /string r> ;
: strlen0  ( addr len -- n )  tuck 0 ?do dup i + c@ 0= if 2drop i unloop exit then loop drop ;
: decode-string  ( prop-addr len -- prop-addr' len' str len )
  2dup strlen0 >r over r> 2dup 2>r nip 1+ over min /string 2r> ;
: decode-bytes  ( prop-addr len n -- prop-addr' len' addr n )  >r over r@ 2swap r> /string 2swap ;
variable parse-char
: left-parse-string  ( str len char -- rem-str rem-len head-str head-len )
  parse-char ! dup 0 ?do
    over i + c@ parse-char @ = if 2dup drop i 2swap i 1+ /string 2swap unloop exit then
  loop 2dup + 0 2swap ;
: pair@  ( addr -- x y )  dup @ swap cell+ @ ;
: pair!  ( x y addr -- )  tuck cell+ ! ! ;

\ ---- nodes ----
\ A node (phandle) is a record in the dictionary: parent, first child, next peer, properties,
\ methods word list, instance data size, instance data template.
: node-field  ( n "name" -- )  create cells , does> @ + ;
0 node-field >parent  1 node-field >child  2 node-field >peer  3 node-field >props
4 node-field >methods  5 node-field >isize  6 node-field >template
7 cells constant /node
256 constant /template
: new-node  ( parent -- phandle )
  align here /node allot  dup /node erase  tuck >parent !
  wordlist over >methods !  here /template dup allot 2dup erase drop over >template ! ;
: append  ( x head-addr next-offset -- )  \ appends x to the list starting at head-addr
  >r begin dup @ while @ r@ + repeat r> drop ! ;
: link-child  ( phandle -- )  dup >parent @ >child 2 cells append ;
0 new-node constant root-node
: child  ( phandle -- phandle.child )  >child @ ;
: peer  ( phandle -- phandle.peer )  ?dup if >peer @ else root-node then ;
: parent  ( phandle -- phandle.parent )  >parent @ ;

\ ---- properties: records of next, name (addr len), value (addr len), in creation order ----
: prop-name  ( prop -- str len )  cell+ pair@ ;
: prop-value  ( prop -- addr len )  3 cells + pair@ ;
: find-prop  ( name len phandle -- prop | 0 )
  >props @ begin dup while >r 2dup r@ prop-name str= if 2drop r> exit then r> @ repeat nip nip ;
: set-property  ( prop-addr prop-len name len phandle -- )
  >r 2swap encode-bytes 2swap  2dup r@ find-prop ?dup if r> drop nip nip 3 cells + pair! exit then
  encode-bytes 2swap  align here >r 0 , 2swap swap , , swap , ,  r> r> >props 0 append ;
: get-package-property  ( name len phandle -- true | prop-addr prop-len false )
  find-prop ?dup if prop-value false else true then ;
: unlink-prop  ( name len phandle -- )
  >props begin dup @ while
    >r 2dup r@ @ prop-name str= if 2drop r> dup @ @ swap ! exit then r> @
  repeat drop 2drop ;
: next-property  ( previous-str previous-len phandle -- false | name-str name-len true )
  over 0= if nip nip >props @ else find-prop dup if @ then then
  ?dup if prop-name true else false then ;
: int-property  ( name len phandle default -- n )
  >r get-package-property if r> else decode-int nip nip r> drop then ;

\ ---- names and paths ----
: node-name  ( phandle -- str len )
  s" name" rot get-package-property if s" <unnamed>" else decode-string 2swap 2drop then ;
: #address-cells  ( phandle -- n )  s" #address-cells" rot 2 int-property ;
\ The unit address is what the parent's encode-unit method makes of the first address in "reg";
\ without that method, the address's first cell in hex (as most bus bindings write it).
24 text-buffer unit-text
: unit-cells  ( prop n -- phys.lo ... phys.hi )
  dup 0 ?do 2dup 1- i - 4 * + be-l@ $ffffffff and -rot loop 2drop ;
: node-unit  ( phandle -- str len | 0 0 )
  dup >r s" reg" r> get-package-property if drop 0 0 exit then
  rot parent dup #address-cells  rot over 4 * < if 2drop drop 0 0 exit then  ( prop parent n )
  s" encode-unit" 3 pick >methods @ search-wordlist if >r nip unit-cells r> execute exit then
  2drop be-l@ $ffffffff and  hex$ unit-text empty-text unit-text +text  unit-text text$ ;
512 text-buffer path-text
: +path  ( str len -- )  path-text +text ;
: (node-path)  ( phandle -- )
  dup parent 0= if drop exit then
  dup parent recurse  s" /" +path  dup node-name +path
  node-unit ?dup if s" @" +path +path else drop then ;
: node-path  ( phandle -- str len )
  path-text empty-text  dup root-node = if drop s" /" +path else (node-path) then  path-text text$ ;
: .node-path  ( phandle -- )  node-path type ;

\ A path component "name@unit" matches a node by name and unit, "name" (or any component, for a
\ node without a unit address) by name alone.
: component-matches?  ( str len phandle -- flag )
  >r 2dup [char] @ left-parse-string  ( unit unit-len name name-len )
  r@ node-name str= 0= if 2drop 2drop r> drop false exit then
  2swap 2drop  dup 0= if 2drop r> drop true exit then  \ no "@": the name decides
  r> node-unit dup 0= if 2drop 2drop true exit then istr= ;
: child-named  ( str len parent -- phandle | 0 )
  child begin dup while >r 2dup r@ component-matches? if 2drop r> exit then r> peer repeat nip nip ;

\ ---- the active package and the current instance ----
\ An instance (ihandle) is a heap record: package, parent instance, arguments, data, unit.
: instance-field  ( n "name" -- )  create cells , does> @ + ;
0 instance-field >ipackage  1 instance-field >iparent  2 instance-field >iargs
4 instance-field >idata  5 instance-field >iunit
9 cells constant /instance
0 value my-self
0 value active-package
: ihandle>phandle  ( ihandle -- phandle )  >ipackage @ ;
: my-parent  ( -- ihandle )  my-self >iparent @ ;
: my-args  ( -- str len )  my-self >iargs pair@ ;
: my-unit  ( -- phys.lo ... phys.hi )
  my-self >iunit  my-self ihandle>phandle parent #address-cells 4 min
  dup 0 ?do 2dup 1- i - cells + @ -rot loop 2drop ;
: my-space  ( -- phys.hi )  my-self >iunit @ ;
: my-address  ( -- phys.lo ... )
  my-self >iunit  my-self ihandle>phandle parent #address-cells 4 min
  dup 1 ?do 2dup i - cells + @ -rot loop 2drop ;
\ A unit address in text is hex numbers separated by commas, the most significant first.
variable unit-at
: set-unit  ( unit-str unit-len ihandle -- )
  >iunit dup 4 cells erase  dup 4 cells + >r  unit-at !
  begin dup while
    [char] , left-parse-string  base @ >r hex $number r> base ! if 0 then
    unit-at @ r@ < if unit-at @ ! cell unit-at +! else drop then
  repeat 2drop r> drop ;
: set-args  ( arg-str arg-len unit-str unit-len -- )
  my-self set-unit  encode-bytes my-self >iargs pair! ;
: set-active  ( phandle -- )
  dup to active-package
  ?dup if >methods @ dup forth-wordlist swap 2 set-order set-current
  else forth-wordlist 1 set-order forth-wordlist set-current then ;
: new-instance  ( arg-str arg-len phandle -- ihandle )
  /instance alloc-mem dup /instance erase >r
  r@ >ipackage !  encode-bytes r@ >iargs pair!  my-self r@ >iparent !
  r@ ihandle>phandle >isize @ ?dup if
    dup alloc-mem r@ >idata !  r@ ihandle>phandle >template @ r@ >idata @ rot move then  r> ;
: free-instance  ( ihandle -- )
  dup >idata @ ?dup if over ihandle>phandle >isize @ free-mem then  /instance free-mem ;

\ ---- instance data (5.3.4.2): after INSTANCE the next value, variable or buffer: is per instance
\ (a deferred word stays global) ----
: instance-slot  ( size -- offset )
  aligned active-package >isize @ tuck +  dup /template > if -1 abort" instance data over 256 bytes" then
  active-package >isize ! ;
: instance-data  ( offset -- addr )
  my-self 0= if -1 abort" no current instance" then  my-self >idata @ + ;
: template-data  ( offset -- addr )  active-package >template @ + ;
: (ivalue)  does> @ instance-data @ ;
: (ivariable)  does> @ instance-data ;
create ivalue-sample (ivalue)  ' ivalue-sample cell+ @ constant ivalue-code
: ivalue?  ( xt -- flag )  cell+ @ ivalue-code = ;
: ivalue,  ( x xt -- )  drop /n instance-slot dup , template-data ! (ivalue)  instance? off ;
: ibuffer,  ( size xt -- )  drop instance-slot , (ivariable)  instance? off ;
: (to)  ( x xt -- )  dup ivalue? if >body @ instance-data ! else (to) then ;
: to  ( x "name" -- )  state @ if ' postpone literal postpone (to) else ' (to) then ; immediate
: value  ( x "name" -- )  instance? @ if parse-name dovar: (header) ivalue, else value then ;
: variable  ( "name" -- )  instance? @ if parse-name dovar: (header) /n swap ibuffer, else variable then ;
: buffer:  ( size "name" -- )  instance? @ if parse-name dovar: (header) ibuffer, else buffer: then ;
: b(to)  ( x -- )  fcode# fcode>xt state @ if postpone literal postpone (to) else (to) then ; immediate
: b(value)  ( x -- )  dovalue: instance? @ if drop dovar: fcode-define ivalue, else fcode-define drop , then ;
: b(variable)  ( -- )  instance? @ if dovar: fcode-define /n swap ibuffer, else dovar: fcode-define drop 0 , then ;
: b(buffer:)  ( size -- )
  instance? @ if dovar: fcode-define ibuffer, else dovar: fcode-define drop here over erase allot then ;

\ ---- methods and packages (5.3.4) ----
: find-method  ( method-str method-len phandle -- false | xt true )
  >methods @ search-wordlist dup if drop true then ;
: call-package  ( ... xt ihandle -- ... )  my-self >r to my-self catch r> to my-self throw ;
: $call-method  ( ... method-str method-len ihandle -- ... )
  >r r@ ihandle>phandle find-method 0= if r> drop -1 abort" method not found" then r> call-package ;
: $call-parent  ( ... method-str method-len -- ... )  my-parent $call-method ;
: close-package  ( ihandle -- )
  >r s" close" r@ ihandle>phandle find-method if r@ call-package then r> free-instance ;
\ interpose (5.3.4): an open method asks for a package to be opened between its instance and
\ that instance's parent; once the open succeeds the package is opened with the arguments given,
\ as a child of the parent, and becomes the instance's parent ($call-parent reaches it first).
variable interposing  create interpose-args 2 cells allot
: interpose  ( arg-str arg-len phandle -- )  interposing !  encode-bytes interpose-args pair! ;
: open-instance  ( ihandle -- ihandle | 0 )  \ runs its open method, if it has one
  0 interposing !
  >r s" open" r@ ihandle>phandle find-method if r@ call-package else true then
  0= if r> free-instance 0 exit then
  interposing @ ?dup 0= if r> exit then  0 interposing !
  interpose-args pair@ rot new-instance recurse  ( interposed | 0 )
  ?dup if r@ >iparent ! r> else r> close-package 0 then ;
: open-package  ( arg-str arg-len phandle -- ihandle | 0 )  new-instance open-instance ;

\ ---- building nodes (5.3.4.1): new-device and finish-device bracket a child's definition ----
: new-device  ( -- )
  active-package 0= if -1 abort" new-device: no active package (dev one first)" then
  active-package new-node dup link-child
  \ the probe instance uses the template itself as its data, so values set while probing become
  \ every later instance's initial values
  0 0 rot new-instance
  dup >r ihandle>phandle >template @ r@ >idata !  r> to my-self
  my-self ihandle>phandle set-active ;
: finish-device  ( -- )
  my-self dup >iparent @ to my-self  /instance free-mem
  active-package parent set-active ;
: property  ( prop-addr prop-len name-str name-len -- )  active-package set-property ;
: delete-property  ( name-str name-len -- )  active-package unlink-prop ;
: get-my-property  ( name-str name-len -- true | prop-addr prop-len false )
  my-self ihandle>phandle get-package-property ;
: get-inherited-property  ( name-str name-len -- true | prop-addr prop-len false )
  my-self begin ?dup while
    >r 2dup r@ ihandle>phandle get-package-property 0= if 2swap 2drop r> drop false exit then
    r> >iparent @
  repeat 2drop true ;
: device-name  ( str len -- )  encode-string s" name" property ;
: name  ( str len -- )  device-name ;
: device-type  ( str len -- )  encode-string s" device_type" property ;
: model  ( str len -- )  encode-string s" model" property ;
: encode-phys  ( phys.lo ... phys.hi -- prop-addr prop-len )
  encode-int  active-package parent #address-cells 1 ?do rot encode-int encode+ loop ;
create phys-cells 4 cells allot  variable #phys
: decode-phys  ( prop-addr len -- prop-addr' len' phys.lo ... phys.hi )
  active-package parent #address-cells 4 min #phys !
  #phys @ 0 ?do decode-int phys-cells i cells + ! loop
  #phys @ 0 ?do phys-cells #phys @ 1- i - cells + @ loop ;
: reg  ( phys.lo ... phys.hi size -- )  >r encode-phys r> encode-int encode+ s" reg" property ;
: parse-2int  ( str len -- val.lo val.hi )
  [char] , left-parse-string base @ >r hex $number if 0 then >r $number if 0 then r> r> base ! ;

\ ---- finding devices by path (3.2.1.1): components from the root, the first maybe an alias ----
defer alias-path  ( str len -- str' len' )  :noname ; is alias-path
: walk-path  ( str len phandle -- phandle | 0 )
  >r begin dup while
    [char] / left-parse-string dup 0= if 2drop else
      2dup s" .." str= if 2drop r> parent else r> child-named then
      dup 0= if nip nip exit then >r
    then
  repeat 2drop r> ;
: split-args  ( path len -- path' len' args len )
  [char] : left-parse-string 2swap ;
\ An absolute path starts at the root; another starts with an alias, or at the active package.
: locate-device  ( path len -- phandle | 0 )
  split-args 2drop  dup 0= if 2drop 0 exit then
  over c@ [char] / <> if alias-path then
  over c@ [char] / = if 1 /string root-node else
    active-package dup 0= if drop 2drop 0 exit then then
  walk-path ;
\ A name starting with / is a device path, as OpenBIOS accepts (QEMU,VGA.bin finds /options so).
: find-package  ( name-str name-len -- false | phandle true )
  over c@ [char] / = over 0<> and if locate-device else
    s" /packages" locate-device ?dup if child-named else 2drop 0 then
  then ?dup 0<> ;
: $open-package  ( arg-str arg-len name-str name-len -- ihandle | 0 )
  find-package if open-package else 2drop 0 then ;
: find-device  ( path len -- )  2dup locate-device ?dup if nip nip set-active else
  -1 abort" no such device" then ;
