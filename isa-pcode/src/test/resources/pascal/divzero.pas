{ Runtime error: integer division by zero (ISO 6.7.2.2). }
program divzero(output);
var i, n: integer;
begin
  n := 3;
  for i := 3 downto 0 do writeln(12 div i, n);
  writeln('not reached')
end.
