program facts(output);
{ Factorials by recursion, and their running sum. }
var
  i, total: integer;

function fact(n: integer): integer;
begin
  if n <= 1 then
    fact := 1
  else
    fact := n * fact(n - 1)
end;

begin
  total := 0;
  for i := 1 to 5 do
  begin
    total := total + fact(i);
    writeln(i:2, fact(i):6)
  end;
  writeln('sum', total:5)
end.
