{ Boolean operators and comparisons; booleans written with widths (ISO 6.9.3.5). }
program booleans(output);
var p, q: boolean; i: integer;
begin
  for i := 0 to 3 do
  begin
    p := odd(i); q := i >= 2;
    writeln(p:6, q:6, p and q:6, p or q:6, not p:6, p = q:6, p <> q:6, p < q:6, p <= q:6)
  end;
  writeln(true, false);
  writeln(true:1, false:2, true:8);
  writeln(ord(false), ord(true), succ(false), pred(true));
  p := (1 < 2) and not (3 < 2) or false;
  writeln(p)
end.
