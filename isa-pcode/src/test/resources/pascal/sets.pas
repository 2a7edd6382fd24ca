{ Sets (ISO 6.4.3.4, 6.7.2.4): constructors with ranges and variable members, union, difference,
  intersection, membership, equality and inclusion. }
program sets(output);
type colour = (red, orange, yellow, green, blue, violet);
     palette = set of colour;
     digits = set of 0..9;
var warm, cool, all, none: palette; d, e: digits; letters: set of char;
    c: char; k: colour; i, lo, hi: integer;

procedure show(s: palette);
var k: colour;
begin
  write('[');
  for k := red to violet do if k in s then write(ord(k):1);
  writeln(']')
end;

begin
  warm := [red, orange, yellow];
  cool := [green..violet];
  all := warm + cool;
  none := [];
  show(warm); show(cool); show(all); show(none);
  show(all - warm); show(all * [yellow, green]); show(warm * cool);
  writeln(warm <= all, all <= warm, all >= cool, warm = cool, warm <> cool, none = []);
  writeln(red in warm, blue in warm, [] <= warm);
  d := [1, 3, 5, 7, 9];
  e := [];
  for i := 0 to 9 do if not (i in d) then e := e + [i];
  for i := 0 to 9 do if i in e then write(i:2);
  writeln;
  lo := 2; hi := 5;
  d := [lo..hi, 8, lo * 4 + 1];
  for i := 0 to 9 do if i in d then write(i:2);
  writeln;
  letters := ['a'..'f', 'x', 'z'];
  for c := 'a' to 'z' do if c in letters then write(c);
  writeln;
  k := blue;
  show([k, red, succ(k)]);
  writeln(5 in [1..10], 11 in [1..10], 'q' in letters);
  i := 0;
  for k := red to violet do if k in [orange, blue] then i := i + 1;
  writeln(i)
end.
