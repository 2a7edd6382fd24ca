\ Mimic Open Firmware, part 9: console input (IEEE 1275 7.4.5): the keyboard device, and input
\ and io, which make a device /chosen's stdin, the console's input.

\ KEY and KEY? are deferred from here on, starting as the host terminal's, so that input can send
\ them through a device. Words compiled before keep the host terminal's.
: host-key  ( -- char )  key ;
: host-key?  ( -- flag )  key? ;
defer key  ' host-key is key
defer key?  ' host-key? is key?

\ ---- the keyboard: the host terminal as a device. Its read never waits (3.3 keyboards: -2 when
\ nothing was typed); what the terminal has read ahead of the ok prompt is typed input. ----
root-node set-active
new-device  s" keyboard" device-name
  s" keyboard" device-type
  : open  ( -- flag )  true ;
  : close  ( -- )  ;
  : read  ( addr len -- actual )
    host-key? 0= if 2drop -2 exit then
    0 -rot bounds ?do  host-key? 0= if leave then  host-key i c!  1+  loop ;
finish-device
0 set-active
s" /keyboard" encode-string s" keyboard" aliases-node set-property

\ ---- input: KEY? reads one character from stdin's read method, which KEY then takes; when the
\ device has none, KEY waits on the host terminal, the machine's one real source of key presses
\ (as output goes to the host terminal as well as to stdout). If a read fails, the console goes
\ back to the host terminal alone, so an error cannot loop through the console. ----
0 value stdin
create typed 1 allot
false value typed?  \ whether typed holds a character KEY? read and KEY has not taken
: host-input  ( -- )  ['] host-key is key  ['] host-key? is key? ;
: (stdin-read)  ( -- actual )  typed 1 stdin " read" rot $call-method ;
: console-key?  ( -- flag )
  typed? 0= if  ['] (stdin-read) catch if host-input 0 then  1 = to typed?  then
  typed? dup 0= if drop host-key? then ;
: console-key  ( -- char )
  typed? 0= if console-key? drop then
  typed? if false to typed?  typed c@ else host-key then ;
: input  ( dev-str dev-len -- )
  open-dev ?dup 0= if -1 abort" input: the device cannot be opened" then
  s" read" 2 pick ihandle>phandle find-method 0= if
    close-dev -1 abort" input: the device has no read method" then drop
  stdin ?dup if close-dev then  dup to stdin  false to typed?
  encode-int s" stdin" s" /chosen" locate-device set-property
  ['] console-key is key  ['] console-key? is key? ;
: io  ( dev-str dev-len -- )  2dup input output ;
