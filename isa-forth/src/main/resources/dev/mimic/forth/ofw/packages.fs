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

\ disk-label (3.8.2): the partition my-args names ("N" or "N,file"; N from 1, 1-4 the primary
\ partitions of a DOS (MBR) partition table, 5 on the logical ones in its extended partition), or
\ with no argument, or a disk without a table, the whole disk. Its parent, the disk, reads and
\ seeks through the deblocker it opened, adding offset to every position once the label is open.
new-device  s" disk-label" device-name
  instance variable partition-start  \ in bytes
  instance variable partition-size   \ in bytes; 0 for the whole disk, whose size is unknown
  instance variable sector
  512 constant /sector
  : read  ( addr len -- actual )  s" read" $call-parent ;
  : seek  ( pos.lo pos.hi -- status )  s" seek" $call-parent ;
  : read-sector  ( lba -- ok? )  \ into sector's buffer
    /sector um* seek drop  sector @ /sector read /sector = ;
  : table?  ( -- flag )  sector @ 510 + c@ $55 =  sector @ 511 + c@ $aa = and ;
  : entry  ( i -- addr )  16 * 446 + sector @ + ;   \ entry 0..3 of the table in the sector
  : entry-type  ( i -- type )  entry 4 + c@ ;
  : entry-start  ( i -- lba )  entry 8 + l@ ;
  : entry-sectors  ( i -- n )  entry 12 + l@ ;
  : extended?  ( type -- flag )  dup 5 = over $f = or swap $85 = or ;
  : found  ( lba i -- true )  \ entry i of the table read from sector lba is the partition
    dup entry-start rot + /sector * partition-start !  entry-sectors /sector * partition-size !  true ;
  : primary  ( n -- found? )  0 read-sector 0= if drop false exit then  table? 0= if drop false exit then
    1- dup entry-type 0= if drop false exit then  0 swap found ;
  \ Logical partitions: each extended boot record holds one, and a link (relative to the
  \ extended partition) to the next record.
  : extended-start  ( -- lba | 0 )
    4 0 do i entry-type extended? if i entry-start unloop exit then loop 0 ;
  : logical  ( n -- found? )
    0 read-sector 0= table? 0= or if drop false exit then
    extended-start ?dup 0= if drop false exit then  dup  ( n ext ebr )
    rot 5 - 0 ?do  ( ext ebr )
      dup read-sector 0= table? 0= or if 2drop unloop false exit then
      1 entry-type 0= if 2drop unloop false exit then  drop dup 1 entry-start +
    loop
    nip dup read-sector 0= table? 0= or if drop false exit then
    0 entry-type 0= if drop false exit then  0 found ;
  : partition#  ( -- n | 0 )  \ the number in my-args, 0 when there is none
    my-args [char] , left-parse-string 2swap 2drop  dup 0= if 2drop 0 exit then
    base @ >r decimal $number r> base ! if 0 then ;
  \ A file in an ISO 9660 (ECMA-119) file system: "N,\dir\file" (",\dir\file" on the whole disk)
  \ opens the file as if it were the partition, its extent and size. Names match without their
  \ version (";1"), a trailing dot, or case.
  2048 constant /iso-block
  instance variable iso-buffer
  instance variable dir-extent  instance variable dir-size
  : file-path  ( -- str len )  my-args [char] , left-parse-string 2drop ;
  : read-block  ( block -- ok? )  \ block of the partition into iso-buffer
    /iso-block * partition-start @ + 0 seek drop  iso-buffer @ /iso-block read /iso-block = ;
  : caseless=  ( addr1 len1 addr2 len2 -- flag )
    rot over <> if 2drop drop false exit then
    0 ?do over i + c@ upc over i + c@ upc <> if 2drop false unloop exit then loop 2drop true ;
  : record-name  ( record -- addr len )
    dup 33 + swap 32 + c@  [char] ; left-parse-string 2swap 2drop
    dup if 2dup + 1- c@ [char] . = if 1- then then ;
  : record-in-block  ( name len -- record | 0 )  \ records run until a zero length or the block's end
    iso-buffer @ begin dup iso-buffer @ /iso-block + < over c@ 0<> and while
      >r 2dup r@ record-name caseless= if 2drop r> exit then r> dup c@ +
    repeat drop 2drop 0 ;
  : enter  ( name len -- found? )  \ the entry of the directory at dir-extent, which becomes it
    dir-size @ /iso-block /mod swap 0<> - 0 ?do
      dir-extent @ i + read-block 0= if 2drop unloop false exit then
      2dup record-in-block ?dup if nip nip dup 2 + l@ dir-extent ! 10 + l@ dir-size ! unloop true exit then
    loop 2drop false ;
  : iso-file  ( path len -- found? )
    16 read-block 0= if 2drop false exit then
    iso-buffer @ 1+ 5 s" CD001" str= 0= if 2drop false exit then
    iso-buffer @ 156 + dup 2 + l@ dir-extent ! 10 + l@ dir-size !
    begin dup while
      [char] \ left-parse-string dup if enter 0= if 2drop false exit then else 2drop then
    repeat 2drop
    dir-extent @ /iso-block * partition-start +!  dir-size @ partition-size !  true ;
  \ A file in a FAT12 or FAT16 file system (8.3 names), if its clusters follow one another, as in
  \ a freshly written file system: the partition narrows to them as for ISO 9660. A subdirectory
  \ is searched in its first cluster.
  instance variable fat-start  instance variable data-start  \ in sectors of the partition
  instance variable /cluster  instance variable #clusters  instance variable fat12?
  : boot-field  ( offset -- addr )  iso-buffer @ + ;
  : read-sectors  ( sector n -- ok? )  \ into iso-buffer
    /sector * >r  /sector * partition-start @ + 0 seek drop  iso-buffer @ r@ read r> = ;
  : fat?  ( -- flag )  \ reads the boot sector's geometry
    0 1 read-sectors 0= if false exit then
    510 boot-field w@ $aa55 <>  11 boot-field w@ /sector <> or  13 boot-field c@ 0= or if false exit then
    13 boot-field c@ /cluster !  14 boot-field w@ fat-start !
    16 boot-field c@ 22 boot-field w@ * fat-start @ +  dup dir-extent !
    17 boot-field w@ 32 * dup dir-size !  /sector 1- + /sector / + data-start !
    19 boot-field w@ ?dup 0= if 32 boot-field l@ then  data-start @ - /cluster @ / #clusters !
    #clusters @ 4085 < fat12? !  22 boot-field w@ 0<> #clusters @ 65525 < and ;
  : fat-entry  ( cluster -- next )
    dup fat12? @ if dup 2/ + else 2* then  /sector /mod fat-start @ + 2 read-sectors drop
    boot-field w@ swap fat12? @ if 1 and if 4 rshift else $fff and then else drop then ;
  : fat-name=  ( name len entry -- flag )  \ name.ext against the entry's space-padded 8.3 name
    >r [char] . left-parse-string  r@ 8 -trailing caseless= -rot  r> 8 + 3 -trailing caseless= and ;
  : fat-lookup  ( name len -- cluster size dir? true | false )  \ in the directory at dir-extent
    dir-size @ 0 ?do
      dir-extent @ i /sector / + 1 read-sectors 0= if 2drop unloop false exit then
      /sector 0 ?do
        i boot-field c@ 0= if 2drop unloop unloop false exit then
        i 11 + boot-field c@ $0f <> if  2dup i boot-field fat-name= if
          2drop i 26 + boot-field w@  i 28 + boot-field l@  i 11 + boot-field c@ $10 and 0<>
          unloop unloop true exit
        then then
      32 +loop
    /sector +loop 2drop false ;
  : cluster>sector  ( cluster -- sector )  2 - /cluster @ * data-start @ + ;
  : runs-on?  ( cluster size -- flag )  \ whether the file has clusters and they follow one another
    dup 0= if 2drop false exit then
    /cluster @ /sector * /mod swap 0<> -  1- 0 ?do  dup fat-entry over 1+ <> if drop false unloop exit then  1+  loop
    drop true ;
  : fat-file  ( path len -- found? )
    fat? 0= if 2drop false exit then
    begin dup while
      [char] \ left-parse-string dup if
        fat-lookup 0= if 2drop false exit then
        if  drop cluster>sector dir-extent !  /cluster @ /sector * dir-size !
        else  2swap dup if 2drop 2drop false exit then 2drop  \ a file ends the path
          2dup runs-on? 0= if 2drop false exit then
          partition-size !  cluster>sector /sector * partition-start +!  true exit
        then
      else 2drop then
    repeat 2drop false ;
  : open-file  ( -- found? )  \ the partition, or the file my-args names in it
    file-path dup 0= if 2drop true exit then
    /iso-block alloc-mem iso-buffer !
    2dup iso-file if 2drop true else fat-file then  iso-buffer @ /iso-block free-mem ;
  : open  ( -- flag )
    0 partition-start !  0 partition-size !  /sector alloc-mem sector !
    partition# ?dup if dup 1 < if drop false else dup 5 < if primary else logical then then else true then
    dup if drop open-file then
    dup 0= if sector @ /sector free-mem then ;
  : close  ( -- )  sector @ /sector free-mem ;
  : offset  ( d.rel -- d.abs )  partition-start @ 0 d+ ;
  : size  ( -- d.size )  partition-size @ 0 ;
  \ load (3.8.2): reads the partition (the whole disk: until a short read) to addr.
  : load  ( addr -- size )
    0 0 seek drop  0 begin
      partition-size @ ?dup if over - 512 min else 512 then  dup 0= if drop nip exit then
      >r 2dup + r@ read dup >r + r> r> <
    until nip ;
finish-device
finish-device
0 set-active
