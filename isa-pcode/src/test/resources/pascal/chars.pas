{ Characters: ord, chr, succ, pred, comparison, widths. }
program chars(output);
var c, d: char; i: integer;
begin
  c := 'A';
  writeln(c, ord(c):4, chr(ord(c) + 1), succ(c), pred('C'));
  for c := 'a' to 'e' do write(c, ord(c) - ord('a'):2, ' ');
  writeln;
  d := 'z';
  writeln(c < d, 'a' < 'b', 'Z' < 'a', d);
  writeln('x':3, 'y':1, '''':2);
  i := 0;
  for c := '0' to '9' do i := i * 10 + ord(c) - ord('0');
  writeln(i);
  c := chr(33);
  writeln(c, chr(126))
end.
