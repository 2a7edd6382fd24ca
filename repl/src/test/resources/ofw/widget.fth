\ A plug-in card's driver: the node, its properties and a method, as toke tokenizes it.
fcode-version2
" mimic,widget" device-name
" display" device-type
my-address my-space 100 reg
external
: greet  ( -- )  ." widget in slot " my-space . cr ;
fcode-end
