\ Defining words: values, variables, constants, create, defer, buffer:, struct fields.
fcode-version2
decimal
external
16 value limit
variable counter
42 constant answer
create table 1 , 2 , 3 , 4 ,
defer action
32 buffer: buf
struct
  /n field >first
  /l field >second
  /c field >third
constant /record
: bump  ( -- )  counter @ 1+ counter ! ;
: show  ( -- )  limit . counter @ . answer . cr ;
: table-sum  ( -- n )  0 4 0 do table i cells + @ + loop ;
: double  ( n -- 2n )  2* ;
: fill-buf  ( -- )  buf 32 65 fill buf 5 type cr ;
show
bump bump bump
51 to limit
show
table-sum . cr
' double to action
21 action . cr
fill-buf
/record . 0 >first . 0 >second . 0 >third . cr
1000 >second . cr
: set-limit  ( n -- )  to limit ;
119 set-limit limit . cr
fcode-end
