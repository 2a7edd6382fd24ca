{ Local text files (ISO 6.4.3.5, 6.9): rewrite, write, reset, read back by lines with eoln and eof,
  the buffer variable f^ and get. }
program textfiles(output);
var f: text; c: char; n, i, lines, chars: integer; x: real;
begin
  rewrite(f);
  writeln(f, 'first line');
  writeln(f, 12, ' ', -34, ' ', 5.5:4:1);
  write(f, 'no newline at end');
  reset(f);
  lines := 0; chars := 0;
  while not eof(f) do
  begin
    while not eoln(f) do begin read(f, c); chars := chars + 1 end;
    readln(f);
    lines := lines + 1
  end;
  writeln(lines:1, ' lines, ', chars:1, ' chars');
  reset(f);
  readln(f);
  read(f, n, i, x);
  writeln(n + i, x:6:2);
  reset(f);
  write(f^);
  get(f);
  write(f^, f^);
  get(f); get(f);
  writeln(f^)
end.
