{ Runtime error: dereferencing the nil pointer (ISO 6.5.4). }
program nilpointer(output);
type p = ^integer;
var a, b: p;
begin
  new(a); a^ := 7;
  writeln(a^);
  b := a;
  writeln(b^ + 1);
  b := nil;
  writeln(b^)
end.
