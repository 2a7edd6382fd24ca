{ Runtime error: a value outside a subrange assigned to a variable of it (ISO 6.8.2.2). }
program rangeerror(output);
var d: 1..10; i: integer;
begin
  for i := 8 to 12 do
  begin
    d := i;
    writeln('d = ', d:1)
  end;
  writeln('not reached')
end.
