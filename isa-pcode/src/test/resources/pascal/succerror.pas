{ Runtime error: succ of the last value of an enumeration (ISO 6.6.6.4). }
program succerror(output);
type colour = (red, green, blue);
var c: colour;
begin
  c := red;
  while true do
  begin
    writeln(ord(c));
    c := succ(c)
  end
end.
