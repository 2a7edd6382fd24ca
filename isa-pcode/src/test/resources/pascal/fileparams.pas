{ Program parameters other than input and output are external files (ISO 6.10) that the runtime binds
  to paths given on the command line; the program writes one, then reads it back, and copies it to the other. }
program fileparams(output, data, copy);
var data, copy: text; c: char; n: integer;
begin
  rewrite(data);
  writeln(data, 'alpha');
  writeln(data, 'beta gamma');
  reset(data);
  rewrite(copy);
  n := 0;
  while not eof(data) do
  begin
    while not eoln(data) do
    begin
      read(data, c);
      if c = ' ' then c := '_';
      write(copy, c);
      n := n + 1
    end;
    readln(data);
    writeln(copy)
  end;
  reset(copy);
  while not eof(copy) do
  begin
    while not eoln(copy) do begin read(copy, c); write(c) end;
    readln(copy);
    writeln
  end;
  writeln(n:1, ' characters copied')
end.
