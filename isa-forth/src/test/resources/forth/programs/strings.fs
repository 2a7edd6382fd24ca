\ Characters and strings.
s" hello world" type cr
: greeting s" compiled string" ;  greeting type space greeting nip . cr
char A emit char z emit  bl emit 65 emit cr
s" abc" s" abd" compare . s" abc" s" abc" compare . s" b" s" abc" compare . s" ab" s" abc" compare . cr
s" the quick brown fox" s" brown" search . type cr
s" the quick brown fox" s" cat" search . type cr
s" trailing   " -trailing type ." |" cr
s" hello" 2 /string type cr
create buf 20 allot  s" copy me" buf swap move  buf 7 type cr
buf 5 char * fill buf 7 type cr
s\" tab\there\nnewline\x41\\" type cr
: counted c" counted" count type ; counted cr
: shout ." loud " ;  shout cr
.( immediate text) cr
s" 123" 0. 2swap >number nip nip d. cr
