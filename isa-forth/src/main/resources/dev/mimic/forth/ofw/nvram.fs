\ Mimic Open Firmware, part 6: configuration variables (IEEE 1275 7.4.4). Each is a string
\ property of /options holding its current value, with its default kept beside the word that
\ names it. Values hold until the machine is reset, or across boots when a file backs them.

s" /options" locate-device constant options-node
variable config-link   \ the latest configuration variable's record: link, default (addr len), name (addr len)
: config-name  ( record -- str len )  3 cells + pair@ ;
: config-default  ( record -- str len )  cell+ pair@ ;
: $config  ( default-str default-len name-str name-len -- )
  2swap encode-bytes 2swap encode-bytes  2over encode-string 2over options-node set-property
  align here >r config-link @ , 2swap swap , , swap , ,  r> config-link ! ;
: find-config  ( name-str name-len -- record | 0 )
  config-link @ begin dup while >r 2dup r@ config-name str= if 2drop r> exit then r> @ repeat nip nip ;
: $getenv  ( name-str name-len -- true | value-str value-len false )
  options-node get-package-property if true else 1- false then ;
\ NVRAM may be backed by a host file (mimic ofw --nvram FILE): one name=value line for each
\ variable that differs from its default, rewritten whenever a variable is set.
256 text-buffer nvram-path
512 text-buffer nvram-line
: save-config  ( record fileid -- )
  >r dup config-name $getenv if drop r> drop exit then
  2dup 4 pick config-default str= if 2drop drop r> drop exit then
  nvram-line empty-text  rot config-name nvram-line +text  s" =" nvram-line +text  nvram-line +text
  nvram-line text$ r> write-line throw ;
: save-nvram  ( -- )
  nvram-path @ 0= if exit then
  nvram-path text$ w/o create-file throw
  config-link @ begin dup while 2dup swap save-config @ repeat drop  close-file throw ;
: (setenv)  ( value-str value-len name-str name-len -- )
  2dup find-config 0= if -1 abort" unknown configuration variable" then
  2swap encode-string 2swap options-node set-property ;
: $setenv  ( value-str value-len name-str name-len -- )  (setenv) save-nvram ;
: use-nvram-file  ( path len -- )  \ a missing file is an NVRAM holding the defaults
  nvram-path empty-text nvram-path +text
  nvram-path text$ r/o open-file if drop exit then >r
  begin nvram-line 2 cells + 512 r@ read-line throw while
    nvram-line 2 cells + swap [char] = left-parse-string
    2dup find-config if (setenv) else 2drop 2drop then
  repeat drop  r> close-file throw ;
: config-true?  ( name-str name-len -- flag )  $getenv if false else s" true" str= then ;
: -leading  ( str len -- str' len' )  begin dup while over c@ bl = while 1 /string repeat then ;
: rest-of-line  ( -- str len )  source >in @ /string  source nip >in !  -leading ;

: .config-row  ( record -- )
  dup config-name 2dup 24 .padded  $getenv if 0 0 then 24 .padded  config-default type cr ;
: printenv  ( ["name"] -- )
  parse-name dup if
    2dup find-config ?dup 0= if -1 abort" unknown configuration variable" then nip nip .config-row exit
  then 2drop
  ." Variable                Value                   Default" cr
  config-link @ begin dup while dup .config-row @ repeat drop ;
: setenv  ( "name" "value<eol>" -- )  parse-name rest-of-line 2swap $setenv ;
: set-default  ( "name" -- )
  parse-name 2dup find-config ?dup 0= if -1 abort" unknown configuration variable" then
  config-default 2swap $setenv ;
: set-defaults  ( -- )  config-link @ begin dup while dup config-default 2 pick config-name $setenv @ repeat drop ;

s" false" s" auto-boot?" $config
s" disk" s" boot-device" $config
s" " s" boot-file" $config
s" false" s" diag-switch?" $config
s" false" s" use-nvramrc?" $config
s" " s" nvramrc" $config
s" keyboard" s" input-device" $config
s" screen" s" output-device" $config
: use-nvramrc?  ( -- flag )  s" use-nvramrc?" config-true? ;
: nvramrc  ( -- str len )  s" nvramrc" $getenv if 0 0 then ;
: nvrun  ( -- )  nvramrc evaluate ;
