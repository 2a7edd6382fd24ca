\ The File-Access word set on a scratch file.
: scratch-name s" /tmp/mimic-forth-file-test.txt" ;
scratch-name r/w create-file throw value f
s" first line" f write-line throw  s" second" f write-line throw
f file-position throw d. f flush-file throw f file-size throw d. cr
0. f reposition-file throw
create line 80 allot
line 80 f read-line throw . line swap type cr
line 80 f read-line throw . line swap type cr
line 80 f read-line throw . . cr
s" tail" f write-file throw  f flush-file throw f file-size throw d.  12. f resize-file throw  f file-size throw d. cr
f close-file throw
scratch-name r/o open-file throw value g
line 5 g read-file throw line swap type cr  g close-file throw
scratch-name s" /tmp/mimic-forth-file-test2.txt" rename-file .  s" /tmp/mimic-forth-file-test2.txt" scratch-name rename-file .
scratch-name file-status nip .  scratch-name delete-file .  scratch-name file-status nip 0= . cr
s" /tmp/no/such/file" r/o open-file nip 0= . cr
