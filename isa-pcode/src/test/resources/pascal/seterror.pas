{ Runtime error: a set member outside the set's base type (ISO 6.4.6). }
program seterror(output);
type small = set of 1..5;
var s: small; i: integer;
begin
  s := [];
  for i := 3 to 7 do
  begin
    s := s + [i];
    writeln('added ', i:1)
  end
end.
