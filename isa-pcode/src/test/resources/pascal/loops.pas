{ While, repeat and for loops (ISO 6.8.3.8-9): nesting, downto, empty ranges, bounds evaluated once. }
program loops(output);
type day = (mon, tue, wed, thu, fri, sat, sun);
var i, j, n, sum: integer; d: day; c: char;
begin
  sum := 0; i := 1;
  while i <= 100 do begin sum := sum + i; i := i + 1 end;
  writeln('while: ', sum);
  sum := 0; i := 0;
  repeat i := i + 2; sum := sum + i until i >= 20;
  writeln('repeat: ', sum);
  for i := 1 to 5 do
  begin
    for j := 1 to i do write('*');
    writeln
  end;
  for i := 5 downto 1 do write(i:2);
  writeln;
  for i := 3 to 1 do writeln('never');
  for i := 1 downto 3 do writeln('never');
  n := 3;
  for i := 1 to n do begin n := n + 1; write(i:2) end;
  writeln(' n=', n:1);
  for d := wed to fri do write(ord(d):2);
  for d := sun downto sat do write(ord(d):2);
  writeln;
  for c := 'z' downto 'w' do write(c);
  writeln;
  i := 10;
  while i > 0 do i := i - 3;
  writeln(i);
  repeat until true;
  j := 0;
  for i := maxint - 2 to maxint do j := j + 1;
  writeln(j)
end.
