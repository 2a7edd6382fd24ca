\ Mimic Open Firmware, part 4: the standard nodes (IEEE 1275 3.5) and the support packages
\ deblocker and disk-label (3.8), written as any package is: new-device ... finish-device.

\ A new-device here has no probe instance above it: the nodes are built with my-self 0.
root-node set-active
s" mimic,ofw" device-name
s" Mimic Open Firmware machine" model
2 encode-int s" #address-cells" property
1 encode-int s" #size-cells" property
\ The root's bus is plain memory: mapping a device's registers or frame buffer gives the device
\ fresh memory of the size asked, which its driver then owns.
: map-in  ( phys.lo phys.hi size -- virt )  nip nip  dup alloc-mem tuck swap erase ;
: map-out  ( virt size -- )  free-mem ;

new-device  s" chosen" device-name  finish-device
new-device  s" aliases" device-name  finish-device
new-device  s" options" device-name  finish-device
new-device  s" openprom" device-name
  s" Mimic Open Firmware 1.0" encode-string s" model" property
  0 0 encode-bytes s" relative-addressing" property
finish-device
new-device  s" packages" device-name
  0 encode-int s" #address-cells" property
  0 encode-int s" #size-cells" property

\ deblocker (3.8.1): byte-granular read, write and seek over a parent with block-size,
\ max-transfer, read-blocks and write-blocks.
new-device  s" deblocker" device-name
  instance variable position
  instance variable /block
  instance variable block-buffer
  : open  ( -- flag )
    0 position !  s" block-size" $call-parent /block !
    /block @ 0= if false exit then  /block @ alloc-mem block-buffer !  true ;
  : close  ( -- )  block-buffer @ /block @ free-mem ;
  : seek  ( pos.lo pos.hi -- status )  drop position ! 0 ;
  : block-span  ( len -- offset n )  \ where position falls in its block and how much of it is wanted
    position @ /block @ mod  tuck /block @ swap - min ;
  : load-block  ( -- ok? )
    block-buffer @  position @ /block @ /  1  s" read-blocks" $call-parent 1 = ;
  : read  ( addr len -- actual )
    0 -rot begin dup while
      load-block 0= if 2drop exit then
      dup block-span >r block-buffer @ + 2 pick r@ move
      r@ position +!  r@ /string  rot r> + -rot
    repeat 2drop ;
  : write  ( addr len -- actual )
    0 -rot begin dup while
      load-block 0= if 2drop exit then
      dup block-span >r block-buffer @ + 2 pick swap r@ move
      block-buffer @  position @ /block @ /  1  s" write-blocks" $call-parent drop
      r@ position +!  r@ /string  rot r> + -rot
    repeat 2drop ;
finish-device

\ disk-label (3.8.2): the whole disk as one partition (partition tables are not interpreted);
\ its parent, the disk, reads through the deblocker it opened.
new-device  s" disk-label" device-name
  : open  ( -- flag )  true ;
  : close  ( -- )  ;
  : offset  ( d.rel -- d.abs )  ;
  : read  ( addr len -- actual )  s" read" $call-parent ;
  : seek  ( pos.lo pos.hi -- status )  s" seek" $call-parent ;
  \ load (3.8.2): reads the whole disk to addr, a block at a time, until a short read.
  : load  ( addr -- size )
    0 0 seek drop  0 begin 2dup + 512 read dup >r + r> 512 < until nip ;
finish-device
finish-device
0 set-active
