{ Labels and goto within a block (ISO 6.8.2.4): backward loops, forward exits, jumps out of nested statements. }
program gotos(output);
label 1, 2, 99;
var i, j: integer;
begin
  i := 0;
1: i := i + 1;
  if i < 5 then goto 1;
  writeln('i = ', i:1);
  for i := 1 to 10 do
    for j := 1 to 10 do
      if i * j = 42 then
      begin
        writeln('found ', i:1, ' * ', j:1);
        goto 2
      end;
2: writeln('after search');
  i := 0;
  while true do
  begin
    i := i + 1;
    if i > 3 then goto 99;
    write(i:2)
  end;
99: writeln(' done')
end.
