program crash(output);
{ Divides by a number that counts down to zero: a runtime error on the fourth pass. }
var
  d: integer;
begin
  for d := 3 downto 0 do
    writeln(12 div d)
end.
