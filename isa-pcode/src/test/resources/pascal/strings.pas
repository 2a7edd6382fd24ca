{ String types: packed arrays of char, assignment, comparison, writing with widths. }
program strings(output);
type name = packed array[1..8] of char;
var a, b: name; s: packed array[1..5] of char; i: integer;
begin
  a := 'Pascal  ';
  b := 'Wirth   ';
  writeln(a, '|', b, '|');
  writeln(a < b, a = b, a > b, a <> 'Pascal  ', a = 'Pascal  ');
  s := 'hello';
  writeln(s:8, '|', s:3, '|', s:5, '|');
  s[1] := 'j';
  writeln(s);
  for i := 5 downto 1 do write(s[i]);
  writeln;
  b := a;
  b[1] := 'p';
  writeln(a, b);
  writeln('it''s', ' ''quoted''');
  writeln('abc' < 'abd', 'abc' = 'abc', 'b' > 'a')
end.
