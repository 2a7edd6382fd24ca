\ Mimic Open Firmware, part 8: display devices (IEEE 1275 5.3.6.3 and its 8-bit frame buffer
\ supplement). A display driver maps its frame buffer, sets it as frame-buffer-adr, picks a font and
\ calls fb8-install; is-install then makes the node an output device whose write method is the
\ terminal emulator, drawing through the deferred words that fb8-install points at the fb8-* set.
\ There is one console, so the terminal emulator's state is global, as in Sun's firmware.

\ ---- the terminal emulator's state (5.3.6.3) ----
0 value line#           0 value column#          \ the cursor, in characters from the top left
0 value #lines          0 value #columns         \ the text window, in characters
0 value char-height     0 value char-width       \ a character cell, in pixels
0 value fontbytes                                \ bytes per glyph scan line
0 value screen-height   0 value screen-width     \ the frame buffer, in pixels (8-bit: bytes)
0 value window-top      0 value window-left      \ the border around the text window, in pixels
false value inverse?                             \ characters are drawn with colours swapped
false value inverse-screen?                      \ the whole screen has its colours swapped
0 value frame-buffer-adr                         \ where the driver mapped the frame buffer
\ Colour indexes (16-colour text extension): Sun's drivers load index 0 white and 255 black.
255 value foreground-color  0 value background-color
0 value font-glyphs  0 value font-min-char  0 value font-#glyphs

\ The operations a driver's install routine (fb8-install, or its own) points at its words.
defer draw-character  ( char -- )       defer reset-screen  ( -- )
defer toggle-cursor  ( -- )             defer erase-screen  ( -- )
defer blink-screen  ( -- )              defer invert-screen  ( -- )
defer insert-characters  ( n -- )       defer delete-characters  ( n -- )
defer insert-lines  ( n -- )            defer delete-lines  ( n -- )
defer draw-logo  ( line# addr width height -- )

\ ---- fonts: glyphs of char-height scan lines of fontbytes bytes, the leftmost pixel the most
\ significant bit, 1 the foreground ----
: set-font  ( addr width height advance min-char #glyphs -- )
  to font-#glyphs to font-min-char to fontbytes to char-height to char-width to font-glyphs ;
: >font  ( char -- addr )  \ a character without a glyph is drawn as the first glyph (a space)
  font-min-char - dup font-#glyphs u< 0= if drop 0 then  char-height fontbytes * * font-glyphs + ;

\ The built-in font: the 95 printable ASCII characters, 5 by 8 pixels (the last row for
\ descenders) in 8 by 10 cells. A glyph is written as 8 rows of 5 pixels, # set.
8 constant default-width  10 constant default-height  32 constant default-min  95 constant default-#glyphs
create default-glyphs  default-#glyphs default-height * dup allot  default-glyphs swap erase
: glyph-row  ( "row" -- byte )
  parse-name 5 min 0 swap 0 ?do over i + c@ [char] # = $40 i rshift and or loop nip ;
: glyph  ( char "rows" -- )
  default-min - default-height * default-glyphs + 1+  8 0 do glyph-row over i + c! loop drop ;
char ! glyph ..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#.. .....
char " glyph .#.#. .#.#. ..... ..... ..... ..... ..... .....
char # glyph .#.#. .#.#. ##### .#.#. ##### .#.#. .#.#. .....
char $ glyph ..#.. .#### #.#.. .###. ..#.# ####. ..#.. .....
char % glyph ##... ##..# ...#. ..#.. .#... #..## ...## .....
char & glyph .##.. #..#. #.#.. .#... #.#.# #..#. .##.# .....
char ' glyph ..#.. ..#.. ..... ..... ..... ..... ..... .....
char ( glyph ...#. ..#.. .#... .#... .#... ..#.. ...#. .....
char ) glyph .#... ..#.. ...#. ...#. ...#. ..#.. .#... .....
char * glyph ..... ..#.. #.#.# .###. #.#.# ..#.. ..... .....
char + glyph ..... ..#.. ..#.. ##### ..#.. ..#.. ..... .....
char , glyph ..... ..... ..... ..... ..... ..#.. ..#.. .#...
char - glyph ..... ..... ..... ##### ..... ..... ..... .....
char . glyph ..... ..... ..... ..... ..... ..... ..#.. .....
char / glyph ....# ...#. ...#. ..#.. .#... .#... #.... .....
char 0 glyph .###. #...# #..## #.#.# ##..# #...# .###. .....
char 1 glyph ..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###. .....
char 2 glyph .###. #...# ....# ...#. ..#.. .#... ##### .....
char 3 glyph ##### ...#. ..#.. ...#. ....# #...# .###. .....
char 4 glyph ...#. ..##. .#.#. #..#. ##### ...#. ...#. .....
char 5 glyph ##### #.... ####. ....# ....# #...# .###. .....
char 6 glyph ..##. .#... #.... ####. #...# #...# .###. .....
char 7 glyph ##### ....# ...#. ..#.. .#... .#... .#... .....
char 8 glyph .###. #...# #...# .###. #...# #...# .###. .....
char 9 glyph .###. #...# #...# .#### ....# ...#. .##.. .....
char : glyph ..... ..#.. ..#.. ..... ..#.. ..#.. ..... .....
char ; glyph ..... ..#.. ..#.. ..... ..#.. ..#.. .#... .....
char < glyph ...#. ..#.. .#... #.... .#... ..#.. ...#. .....
char = glyph ..... ..... ##### ..... ##### ..... ..... .....
char > glyph .#... ..#.. ...#. ....# ...#. ..#.. .#... .....
char ? glyph .###. #...# ....# ...#. ..#.. ..... ..#.. .....
char @ glyph .###. #...# ....# .##.# #.#.# #.#.# .###. .....
char A glyph .###. #...# #...# ##### #...# #...# #...# .....
char B glyph ####. #...# #...# ####. #...# #...# ####. .....
char C glyph .###. #...# #.... #.... #.... #...# .###. .....
char D glyph ###.. #..#. #...# #...# #...# #..#. ###.. .....
char E glyph ##### #.... #.... ####. #.... #.... ##### .....
char F glyph ##### #.... #.... ####. #.... #.... #.... .....
char G glyph .###. #...# #.... #.### #...# #...# .#### .....
char H glyph #...# #...# #...# ##### #...# #...# #...# .....
char I glyph .###. ..#.. ..#.. ..#.. ..#.. ..#.. .###. .....
char J glyph ..### ...#. ...#. ...#. ...#. #..#. .##.. .....
char K glyph #...# #..#. #.#.. ##... #.#.. #..#. #...# .....
char L glyph #.... #.... #.... #.... #.... #.... ##### .....
char M glyph #...# ##.## #.#.# #.#.# #...# #...# #...# .....
char N glyph #...# #...# ##..# #.#.# #..## #...# #...# .....
char O glyph .###. #...# #...# #...# #...# #...# .###. .....
char P glyph ####. #...# #...# ####. #.... #.... #.... .....
char Q glyph .###. #...# #...# #...# #.#.# #..#. .##.# .....
char R glyph ####. #...# #...# ####. #.#.. #..#. #...# .....
char S glyph .#### #.... #.... .###. ....# ....# ####. .....
char T glyph ##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#.. .....
char U glyph #...# #...# #...# #...# #...# #...# .###. .....
char V glyph #...# #...# #...# #...# #...# .#.#. ..#.. .....
char W glyph #...# #...# #...# #.#.# #.#.# #.#.# .#.#. .....
char X glyph #...# #...# .#.#. ..#.. .#.#. #...# #...# .....
char Y glyph #...# #...# .#.#. ..#.. ..#.. ..#.. ..#.. .....
char Z glyph ##### ....# ...#. ..#.. .#... #.... ##### .....
char [ glyph .###. .#... .#... .#... .#... .#... .###. .....
char \ glyph #.... .#... .#... ..#.. ...#. ...#. ....# .....
char ] glyph .###. ...#. ...#. ...#. ...#. ...#. .###. .....
char ^ glyph ..#.. .#.#. #...# ..... ..... ..... ..... .....
char _ glyph ..... ..... ..... ..... ..... ..... ##### .....
char ` glyph .#... ..#.. ..... ..... ..... ..... ..... .....
char a glyph ..... ..... .###. ....# .#### #...# .#### .....
char b glyph #.... #.... #.##. ##..# #...# #...# ####. .....
char c glyph ..... ..... .###. #.... #.... #...# .###. .....
char d glyph ....# ....# .##.# #..## #...# #...# .#### .....
char e glyph ..... ..... .###. #...# ##### #.... .###. .....
char f glyph ..##. .#..# .#... ###.. .#... .#... .#... .....
char g glyph ..... ..... .#### #...# #...# .#### ....# .###.
char h glyph #.... #.... #.##. ##..# #...# #...# #...# .....
char i glyph ..#.. ..... .##.. ..#.. ..#.. ..#.. .###. .....
char j glyph ...#. ..... ..##. ...#. ...#. ...#. #..#. .##..
char k glyph #.... #.... #..#. #.#.. ##... #.#.. #..#. .....
char l glyph .##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###. .....
char m glyph ..... ..... ##.#. #.#.# #.#.# #...# #...# .....
char n glyph ..... ..... #.##. ##..# #...# #...# #...# .....
char o glyph ..... ..... .###. #...# #...# #...# .###. .....
char p glyph ..... ..... ####. #...# #...# ####. #.... #....
char q glyph ..... ..... .##.# #..## #...# .#### ....# ....#
char r glyph ..... ..... #.##. ##..# #.... #.... #.... .....
char s glyph ..... ..... .###. #.... .###. ....# ####. .....
char t glyph .#... .#... ###.. .#... .#... .#..# ..##. .....
char u glyph ..... ..... #...# #...# #...# #..## .##.# .....
char v glyph ..... ..... #...# #...# #...# .#.#. ..#.. .....
char w glyph ..... ..... #...# #...# #.#.# #.#.# .#.#. .....
char x glyph ..... ..... #...# .#.#. ..#.. .#.#. #...# .....
char y glyph ..... ..... #...# #...# #...# .#### ....# .###.
char z glyph ..... ..... ##### ...#. ..#.. .#... ##### .....
char { glyph ...#. ..#.. ..#.. .#... ..#.. ..#.. ...#. .....
char | glyph ..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..#.. .....
char } glyph .#... ..#.. ..#.. ...#. ..#.. ..#.. .#... .....
char ~ glyph ..... ..... .#... #.#.# ...#. ..... ..... .....
: default-font  ( -- addr width height advance min-char #glyphs )
  default-glyphs default-width default-height 1 default-min default-#glyphs ;

\ ---- frame buffers of 8 bits a pixel (fb8-*) or 1 (fb1-*); the install word sets the depth.
\ Whole text lines are whole bytes at either depth, so moving lines is shared. ----
8 value fb-depth
: /fb-line  ( -- bytes )  screen-width fb-depth * 3 rshift ;
: cell-xy  ( column line -- x y )  \ the top left pixel of a character cell
  char-height * window-top + >r  char-width * window-left +  r> ;
: line-adr  ( line -- addr )  char-height * window-top + /fb-line * frame-buffer-adr + ;
: /text-line  ( -- bytes )  char-height /fb-line * ;
\ Characters use the colours swapped when exactly one of inverse? and inverse-screen? is set.
: inverted?  ( -- flag )  inverse? inverse-screen? xor ;
: text-foreground  ( -- color )  inverted? if background-color else foreground-color then ;
: text-background  ( -- color )  inverted? if foreground-color else background-color then ;
: screen-background  ( -- color )  inverse-screen? if foreground-color else background-color then ;
\ A 1-bit pixel is on (1) in the foreground; the background is off unless inverted.
: text-background-byte  ( -- byte )  fb-depth 8 = if text-background else inverted? $ff and then ;
: fill-text  ( addr len -- )  text-background-byte fill ;

\ ---- the 8-bit frame buffer (one byte per pixel, screen-width bytes per line) ----
: pixel-adr  ( x y -- addr )  screen-width * + frame-buffer-adr + ;
: cell-adr  ( column line -- addr )  cell-xy pixel-adr ;

\ Drawing a bitmap (a glyph or a logo): rows of stride bytes, 1 bits foreground.
variable bitmap-row
: bitmap-bit?  ( x -- flag )  dup 3 rshift bitmap-row @ + c@  $80 rot 7 and rshift and 0<> ;
: draw-bitmap  ( bitmap stride width height fb-addr -- )
  swap 0 ?do  ( bitmap stride width fb-row )
    3 pick 3 pick i * + bitmap-row !
    over 0 ?do i bitmap-bit? if text-foreground else text-background then over i + c! loop
    screen-width +
  loop 2drop 2drop ;
: fb8-draw-character  ( char -- )
  >font fontbytes char-width char-height column# line# cell-adr draw-bitmap ;
: fb8-draw-logo  ( line# addr width height -- )
  >r >r swap 0 swap cell-adr  r> r> rot >r  over 7 + 3 rshift -rot  r> draw-bitmap ;
: fb8-reset-screen  ( -- )  ;
\ Exchanging the colours of a rectangle: foreground pixels become background and back.
: swap-colors  ( addr width height -- )
  0 ?do
    over i screen-width * + over bounds ?do
      i c@ dup text-foreground = if drop text-background else
        text-background = if text-foreground else i c@ then then  i c!
    loop
  loop 2drop ;
: fb8-toggle-cursor  ( -- )  column# line# cell-adr char-width char-height swap-colors ;
: fb8-erase-screen  ( -- )  frame-buffer-adr screen-width screen-height * screen-background fill ;
: fb8-invert-screen  ( -- )  frame-buffer-adr screen-width screen-height swap-colors ;
: fb8-blink-screen  ( -- )  fb8-invert-screen 20 ms fb8-invert-screen ;
\ Characters and lines shift within the text window; what opens up is background.
: char-rows  ( xt -- )  \ runs xt ( row-addr -- ) on every pixel row of the cursor's line
  char-height 0 ?do  0 line# cell-adr i screen-width * +  over execute  loop drop ;
variable shift
: chars-right  ( row -- )  \ the cursor's character and those after it move shift cells right
  column# char-width * +  dup dup shift @ char-width * +
  #columns column# - shift @ - char-width * move  shift @ char-width * fill-text ;
: chars-left  ( row -- )
  dup column# shift @ + char-width * + over column# char-width * +
  #columns column# - shift @ - char-width * move
  #columns shift @ - char-width * + shift @ char-width * fill-text ;
: limit-shift  ( n limit -- )  min 0 max shift ! ;
: fb8-insert-characters  ( n -- )  #columns column# - limit-shift ['] chars-right char-rows ;
: fb8-delete-characters  ( n -- )  #columns column# - limit-shift ['] chars-left char-rows ;
: fb8-insert-lines  ( n -- )
  #lines line# - limit-shift
  line# line-adr  line# shift @ + line-adr  #lines line# - shift @ - /text-line * move
  line# line-adr  shift @ /text-line * fill-text ;
: fb8-delete-lines  ( n -- )
  #lines line# - limit-shift
  line# shift @ + line-adr  line# line-adr  #lines line# - shift @ - /text-line * move
  #lines shift @ - line-adr  shift @ /text-line * fill-text ;
\ An install word sizes the text window (as large as asked and fits, centred on the screen) and
\ points the terminal emulator's operations at its frame buffer's words.
: install-window  ( width height #columns #lines -- )
  >r >r  to screen-height to screen-width
  r> screen-width char-width / min to #columns  r> screen-height char-height / min to #lines
  screen-width #columns char-width * - 2/ to window-left
  screen-height #lines char-height * - 2/ to window-top
  0 to line#  0 to column# ;
: install-operations  ( draw reset toggle erase blink invert ins-chars del-chars ins-lines del-lines logo -- )
  is draw-logo is delete-lines is insert-lines is delete-characters is insert-characters
  is invert-screen is blink-screen is erase-screen is toggle-cursor is reset-screen is draw-character ;
: fb8-install  ( width height #columns #lines -- )
  8 to fb-depth  install-window
  ['] fb8-draw-character ['] fb8-reset-screen ['] fb8-toggle-cursor ['] fb8-erase-screen
  ['] fb8-blink-screen ['] fb8-invert-screen ['] fb8-insert-characters ['] fb8-delete-characters
  ['] fb8-insert-lines ['] fb8-delete-lines ['] fb8-draw-logo install-operations ;

\ ---- the 1-bit frame buffer (IEEE 1275 5.3.6.3): eight pixels a byte, the leftmost the most
\ significant bit, screen-width/8 bytes a line ----
: fb1-bit  ( x y -- addr mask )  /fb-line * over 3 rshift + frame-buffer-adr +  $80 rot 7 and rshift ;
: fb1-pixel!  ( on? x y -- )  fb1-bit rot if over c@ or else invert over c@ and then swap c! ;
: fb1-pixel@  ( x y -- on? )  fb1-bit swap c@ and 0<> ;
: fb1-flip  ( x y -- )  fb1-bit over c@ xor swap c! ;
variable bitmap-x  variable bitmap-y
: fb1-bitmap  ( bitmap stride width height x y -- )  \ 1 bits foreground, from pixel x y
  bitmap-y ! bitmap-x !
  0 ?do  ( bitmap stride width )
    2 pick 2 pick i * + bitmap-row !
    dup 0 ?do  i bitmap-bit? inverted? xor  i bitmap-x @ +  j bitmap-y @ +  fb1-pixel!  loop
  loop drop 2drop ;
: fb1-draw-character  ( char -- )
  >font fontbytes char-width char-height column# line# cell-xy fb1-bitmap ;
: fb1-draw-logo  ( line# addr width height -- )
  2>r  swap 0 swap cell-xy bitmap-y ! bitmap-x !  2r>
  over 7 + 3 rshift -rot  bitmap-x @ bitmap-y @ fb1-bitmap ;
: fb1-reset-screen  ( -- )  ;
: fb1-toggle-cursor  ( -- )  \ flips the cursor's cell
  column# line# cell-xy  char-height 0 ?do  char-width 0 ?do  over i +  over j +  fb1-flip  loop  loop 2drop ;
: fb1-erase-screen  ( -- )  frame-buffer-adr /fb-line screen-height * inverse-screen? $ff and fill ;
: fb1-invert-screen  ( -- )  frame-buffer-adr /fb-line screen-height * bounds ?do i c@ invert i c! loop ;
: fb1-blink-screen  ( -- )  fb1-invert-screen 20 ms fb1-invert-screen ;
\ Characters shift pixel by pixel along each pixel row of the cursor's line (a cell need not be
\ whole bytes); lines are whole bytes, so the fb8 words move them.
variable row-y
: text-x  ( column -- x )  char-width * window-left + ;
: fb1-copy  ( from-x to-x -- )  swap row-y @ fb1-pixel@ swap row-y @ fb1-pixel! ;
: fb1-clear  ( x-end x-start -- )  ?do inverted? i row-y @ fb1-pixel! loop ;
: fb1-chars-right  ( -- )
  #columns column# - shift @ - char-width *  0 ?do
    #columns text-x 1- i -  dup shift @ char-width * -  swap fb1-copy
  loop
  column# shift @ + text-x  column# text-x  fb1-clear ;
: fb1-chars-left  ( -- )
  #columns shift @ - text-x  column# text-x  ?do  i shift @ char-width * +  i fb1-copy  loop
  #columns text-x  #columns shift @ - text-x  fb1-clear ;
: fb1-rows  ( xt -- )  \ runs xt with row-y at each pixel row of the cursor's line
  char-height 0 ?do  0 line# cell-xy nip i + row-y !  dup execute  loop drop ;
: fb1-insert-characters  ( n -- )  #columns column# - limit-shift ['] fb1-chars-right fb1-rows ;
: fb1-delete-characters  ( n -- )  #columns column# - limit-shift ['] fb1-chars-left fb1-rows ;
: fb1-insert-lines  ( n -- )  fb8-insert-lines ;
: fb1-delete-lines  ( n -- )  fb8-delete-lines ;
\ fb1-slide-up: the text window's lines move up n, as when deleting its first lines; the cursor stays.
: fb1-slide-up  ( n -- )  line# >r  0 to line#  fb8-delete-lines  r> to line# ;
: fb1-install  ( width height #columns #lines -- )
  1 to fb-depth  install-window
  ['] fb1-draw-character ['] fb1-reset-screen ['] fb1-toggle-cursor ['] fb1-erase-screen
  ['] fb1-blink-screen ['] fb1-invert-screen ['] fb1-insert-characters ['] fb1-delete-characters
  ['] fb1-insert-lines ['] fb1-delete-lines ['] fb1-draw-logo install-operations ;

\ ---- the terminal emulator (5.3.6.3, with the ANSI X3.64 sequences it lists) ----
: home  ( -- )  0 to line#  0 to column# ;
: at-line  ( line -- )  0 max #lines 1- min to line# ;
: at-column  ( column -- )  0 max #columns 1- min to column# ;
: line-feed  ( -- )  \ at the last line the window scrolls up
  line# 1+ #lines < if line# 1+ to line# exit then
  0 to line#  1 delete-lines  #lines 1- to line# ;
: carriage-return  ( -- )  0 to column# ;
: printable  ( char -- )
  column# #columns >= if carriage-return line-feed then
  draw-character column# 1+ to column# ;
: clear-right  ( row -- )  column# char-width * +  #columns column# - char-width * fill-text ;
: erase-line-end  ( -- )  ['] clear-right char-rows ;
\ Escape sequences: ESC [ n1 ; n2 letter. The parser's state: 0 text, 1 after ESC, 2 in the
\ parameters.
variable esc-state  create esc-params 2 cells allot  variable #esc-params
: param  ( i default -- n )  \ a parameter, default when absent or 0
  swap dup #esc-params @ < if cells esc-params + @ ?dup if nip then else drop then ;
: select-attributes  ( -- )  \ m: 7 inverse, 0 and 27 normal
  0 0 param dup 7 = if drop true to inverse? exit then  dup 0= swap 27 = or if false to inverse? then ;
: esc-final  ( char -- )
  0 esc-state !  case
    [char] A of line# 0 1 param - at-line endof
    [char] B of line# 0 1 param + at-line endof
    [char] C of column# 0 1 param + at-column endof
    [char] D of column# 0 1 param - at-column endof
    [char] H of 0 1 param 1- at-line  1 1 param 1- at-column endof
    [char] f of 0 1 param 1- at-line  1 1 param 1- at-column endof
    [char] J of erase-screen endof
    [char] K of erase-line-end endof
    [char] @ of 0 1 param insert-characters endof
    [char] P of 0 1 param delete-characters endof
    [char] L of 0 1 param insert-lines endof
    [char] M of 0 1 param delete-lines endof
    [char] m of select-attributes endof
  endcase ;
: esc-param-char  ( char -- )
  dup [char] ; = if drop #esc-params @ 0= if 1 #esc-params ! then 1 #esc-params +! exit then
  dup [char] 0 [char] 9 1+ within if
    #esc-params @ 0= if 1 #esc-params ! then
    #esc-params @ 2 <= if [char] 0 - esc-params #esc-params @ 1- cells + dup @ 10 * rot + swap ! else drop then
    exit then
  esc-final ;
: control  ( char -- )
  case
    7 of blink-screen endof
    8 of column# 1- 0 max to column# endof
    9 of column# 8 + -8 and #columns 1- min to column# endof
    10 of line-feed endof
    11 of line# 1- 0 max to line# endof
    12 of erase-screen home endof
    13 of carriage-return endof
    27 of 1 esc-state ! endof
  endcase ;
: terminal-char  ( char -- )
  esc-state @ case
    1 of dup [char] [ = if drop 2 esc-state ! 0 #esc-params ! esc-params 2 cells erase else 0 esc-state ! drop then endof
    2 of esc-param-char endof
    drop dup bl < over 127 = or if control else printable then 0
  endcase ;
: terminal-write  ( addr len -- actual )
  toggle-cursor  tuck bounds ?do i c@ terminal-char loop  toggle-cursor ;
: terminal-open  ( -- )  0 esc-state !  false to inverse?  reset-screen erase-screen home toggle-cursor ;

\ ---- is-install, is-remove, is-selftest (5.3.6): the methods of a display node ----
: method-calling  ( xt name-str name-len -- )  docol: (header) drop  postpone literal postpone execute ;
: method-running  ( xt name-str name-len -- )  docol: (header) drop compile, 'exit , ;
: display-opened  ( -- true )  terminal-open true ;
: is-install  ( xt -- )
  s" open" method-calling  postpone display-opened 'exit ,
  ['] terminal-write s" write" method-running  ['] draw-logo s" draw-logo" method-running
  ['] reset-screen s" restore" method-running ;
: is-remove  ( xt -- )  s" close" method-calling 'exit , ;
: is-selftest  ( xt -- )  s" selftest" method-calling 'exit , ;

\ ---- output (7.4.5): the console output device, /chosen's stdout. The console's EMIT and TYPE
\ then write to it as well as to the host terminal; if a write fails, the console goes back to the
\ host terminal alone, so an error cannot loop through the console. ----
0 value stdout
action-of emit constant host-emit
action-of type constant host-type
: host-console  ( -- )  host-emit is emit  host-type is type ;
: (stdout-write)  ( addr len -- )  stdout " write" rot $call-method drop ;
: stdout-write  ( addr len -- )  ['] (stdout-write) catch if 2drop host-console then ;
: line-length  ( addr len -- n )  \ the characters before the first line feed
  tuck 0 ?do dup i + c@ 10 = if drop i unloop nip exit then loop drop ;
create crlf 13 c, 10 c,
: screen-text  ( addr len -- )  \ a line feed (CR emits one) starts a new line, as on a terminal
  begin dup while
    2dup line-length >r  over r@ stdout-write  r> /string
    dup if crlf 2 stdout-write 1 /string then
  repeat 2drop ;
create emitted 1 allot
: console-emit  ( char -- )  dup host-emit execute  emitted c!  emitted 1 screen-text ;
: console-type  ( addr len -- )  2dup host-type execute  screen-text ;
: output  ( dev-str dev-len -- )
  open-dev ?dup 0= if -1 abort" output: the device cannot be opened" then
  s" write" 2 pick ihandle>phandle find-method 0= if
    close-dev -1 abort" output: the device has no write method" then drop
  stdout ?dup if close-dev then  dup to stdout
  encode-int s" stdout" s" /chosen" locate-device set-property
  ['] console-emit is emit  ['] console-type is type ;
