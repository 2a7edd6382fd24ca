{ Runtime error: a case selector that no case constant names (ISO 6.8.3.5). }
program caseerror(output);
var i: integer;
begin
  for i := 1 to 5 do
    case i of
      1, 2: writeln('low');
      4, 5: writeln('high')
    end
end.
