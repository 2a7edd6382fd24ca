\ Mimic Open Firmware, part 5: configuration variables (IEEE 1275 7.4.4). Each is a string
\ property of /options holding its current value, with its default kept beside the word that
\ names it. NVRAM lives as long as the machine: values set with setenv hold until reset.

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
: $setenv  ( value-str value-len name-str name-len -- )
  2dup find-config 0= if -1 abort" unknown configuration variable" then
  2swap encode-string 2swap options-node set-property ;
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
