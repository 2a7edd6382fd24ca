\ Memory access widths, block moves, the heap, and the float stack words.
create buf 32 allot  buf 32 erase
4660 buf w!  buf w@ .  buf c@ .  305419896 buf 8 + l!  buf 8 + l@ .  buf 8 + w@ . cr
s" abcdef" buf swap move  buf buf 1+ 5 cmove  buf 6 type space
s" abcdef" buf swap move  buf 1+ buf 5 cmove  buf 6 type space
s" abcdef" buf swap move  buf buf 1+ 5 cmove>  buf 6 type cr
100 allocate . dup 100 erase  dup 42 swap !  200 resize . dup @ .  free . cr
1.5e buf sf!  buf sf@ f.  buf float+ buf - .  3 floats . cr
1e 2e 3e fswap f. f. f.  4e 5e fnip f.  6e 7e ftuck f. f. f.  cr
2e 3e fmax f. 2e 3e fmin f. 10e 4e f- f. cr
: r-twice 1 2 2>r 2r@ 2r> ; r-twice . . . . cr
: in-restore save-input 5 0 do loop restore-input ;
s" 1 2 3" evaluate .s 2drop drop cr
