{ Reading integers, reals and characters from input (ISO 6.9.1, 6.9.2) until eof. }
program readnumbers(input, output);
var n, i, count, sum: integer; small: array[1..3] of 0..200; x, total: real; c: char; name: packed array[1..6] of char;
begin
  read(n);
  sum := 0;
  for i := 1 to n do begin read(count); sum := sum + count end;
  readln;
  writeln('sum of ', n:1, ': ', sum:1);
  read(small[1], small[2], small[3]);
  readln;
  writeln(small[1] + small[2] + small[3], small[2]);
  read(x, total);
  readln;
  writeln('product ', x * total:8:3);
  for i := 1 to 6 do read(name[i]);
  readln;
  writeln('name: ', name, '|');
  count := 0;
  while not eof do
  begin
    read(c);
    if eoln then begin readln; count := count + 1 end
  end;
  writeln(count:1, ' more lines')
end.
