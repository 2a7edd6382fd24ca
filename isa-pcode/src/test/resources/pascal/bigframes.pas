{ Large local arrays in recursive frames: each activation keeps its own copy. }
program bigframes(output);
const size = 500;

function fill(depth: integer): integer;
var a: array[1..size] of integer; i, s: integer;
begin
  for i := 1 to size do a[i] := depth;
  if depth > 0 then s := fill(depth - 1) else s := 0;
  for i := 1 to size do s := s + a[i];
  fill := s
end;

begin
  writeln(fill(10))
end.
