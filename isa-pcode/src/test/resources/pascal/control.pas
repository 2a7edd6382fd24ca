{ If and case statements: else chains, case constant lists over integers, chars and enumerations. }
program control(output);
type colour = (red, green, blue, yellow);
var i: integer; c: char; k: colour;

procedure classify(n: integer);
begin
  if n < 0 then write('negative ')
  else if n = 0 then write('zero ')
  else if n < 10 then write('small ')
  else write('large ');
  case n of
    -5, -1: writeln('(odd negative)');
    0: writeln('(nothing)');
    1, 3, 5, 7, 9: writeln('(odd digit)');
    2, 4, 6, 8: writeln('(even digit)');
    100: writeln('(hundred)');
    10, 11, 12: begin write('(teen'); writeln('ish)') end
  end
end;

begin
  classify(-5); classify(0); classify(7); classify(4); classify(100); classify(11); classify(-1);
  for c := 'a' to 'f' do
    case c of
      'a', 'e': writeln(c, ' vowel');
      'b', 'c', 'd': writeln(c, ' consonant');
      'f': ;
    end;
  for k := red to yellow do
  begin
    case k of
      red: write('R');
      green, blue: write('G or B');
      yellow: write('Y')
    end;
    writeln(' ', ord(k))
  end;
  i := 3;
  if i > 2 then if i > 5 then writeln('big') else writeln('medium');
  if (i = 3) and (i < 4) then writeln('three') else writeln('not three')
end.
