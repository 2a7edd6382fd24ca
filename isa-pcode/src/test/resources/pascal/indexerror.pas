{ Runtime error: an array index outside the index type (ISO 6.5.3.2). }
program indexerror(output);
var a: array[1..5] of integer; i: integer;
begin
  for i := 1 to 5 do a[i] := i * i;
  i := 0;
  while true do
  begin
    i := i + 1;
    writeln(a[i])
  end
end.
