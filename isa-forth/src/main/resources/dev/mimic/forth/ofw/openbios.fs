\ Mimic Open Firmware, part 10: words OpenBIOS provides beyond IEEE 1275, which QEMU's FCode ROMs
\ call (QEMU,VGA.bin looks each up by name with $find and keeps its execution token).

\ The video mode the firmware set up, which a display driver takes over. OpenBIOS keeps each in a
\ variable the driver reads through its execution token, xt cell+ being the variable's cell there.
\ Here that cell is the second code field cell, which a constant does not use: the word is a
\ constant pushing the cell's address, so it reads as a variable in Forth too.
: video-variable  ( x "name" -- )  parse-name docon: (header) dup cell+ , cell+ ! ;
1024 video-variable openbios-video-width
768 video-variable openbios-video-height
8 video-variable depth-bits
1024 video-variable line-bytes

\ OpenBIOS's rectangle fill on the 8-bit frame buffer at frame-buffer-adr (display.fs).
: fb8-fillrect  ( color x y w h -- )
  2swap line-bytes @ * + frame-buffer-adr +  swap 0 ?do
    dup i line-bytes @ * +  2 pick 4 pick fill
  loop 2drop drop ;

\ QEMU's fw_cfg device is not part of Mimic's machine, so it holds no file.
: fw-cfg-read-file  ( name-str name-len -- addr len true | false )  2drop false ;

\ Legacy I/O space (VGA registers at 3c0-3df, the Bochs VBE index and data ports at 1ce and 1d0):
\ no device decodes it, so port writes land in 64 KiB of firmware memory.
create io-space $10000 allot
: ioc!  ( byte port -- )  io-space + c! ;
: iow!  ( w port -- )  io-space + w! ;
\ Device registers are little-endian, as Mimic's memory is.
: le-w!  ( w addr -- )  w! ;

\ Where the bus put a base address register (bar, its configuration-space offset): the entry of
\ the node's assigned-addresses for it, ready for pci-map-in.
: assigned>phys  ( entry -- phys.lo phys.mid phys.hi size )
  >r  r@ 8 + be-l@ $ffffffff and  r@ 4 + be-l@ $ffffffff and  r@ be-l@ $ffffffff and  r> 16 + be-l@ $ffffffff and ;
: pci-bar>pci-addr  ( bar -- phys.lo phys.mid phys.hi size true | false )
  s" assigned-addresses" get-my-property if drop false exit then
  bounds ?do  i be-l@ $ff and over = if drop i assigned>phys true unloop exit then  20 +loop  drop false ;
