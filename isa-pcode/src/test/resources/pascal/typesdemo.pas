{ Type definitions (ISO 6.4): aliases, forward pointer domains, arrays of records of arrays, sets of
  subranges and files of records, all in one type definition part. }
program typesdemo(output);
type int = integer; number = int;
     plist = ^list;
     entry = record code: packed array[1..3] of char; scores: array[1..3] of number end;
     list = record item: entry; rest: plist end;
     table = array[1..2] of entry;
     digitset = set of 0..9;
var t: table; l, m: plist; d: digitset; n: number; i, j: integer;
begin
  for i := 1 to 2 do
    with t[i] do
    begin
      code := 'AB ';
      code[3] := chr(ord('0') + i);
      for j := 1 to 3 do scores[j] := i * 10 + j
    end;
  l := nil;
  for i := 1 to 2 do begin new(m); m^.item := t[i]; m^.rest := l; l := m end;
  while l <> nil do
  begin
    write(l^.item.code, ':');
    for j := 1 to 3 do write(l^.item.scores[j]:3);
    writeln;
    l := l^.rest
  end;
  d := [];
  for n := 0 to 9 do if odd(n) then d := d + [n];
  n := 0;
  for i := 0 to 9 do if i in d then n := n + i;
  writeln(n)
end.
