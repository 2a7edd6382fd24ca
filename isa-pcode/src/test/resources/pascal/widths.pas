{ Field widths for every writable type, including computed widths and widths too small. }
program widths(output);
var i, w: integer;
begin
  writeln(1:1, 12:1, -12:1, 123:5, -123:5);
  for w := 1 to 6 do write(42:w, '|');
  writeln;
  i := -7;
  writeln(i:3, i:1, i:10);
  writeln('ab':1, 'ab':2, 'ab':4, 'x':3);
  writeln(true:3, false:3, true:5);
  writeln(3.14159:7:2, 3.14159:1:3, -0.5:6:1, 100.0:4:1);
  writeln(0:3, 0:1, 0)
end.
