{ Constant definitions (ISO 6.3): signed numbers, constant identifiers, characters and strings. }
program constants(output);
const max = 100; min = -max; half = 50; pi = 3.14159; negpi = -pi;
      letter = 'x'; quote = ''''; title = 'Constants';
      yes = true;
type range = min..max; short = 1..half;
var r: range; s: short;
begin
  writeln(max, min, half);
  writeln(pi:8:5, negpi:9:5, -pi:9:5);
  writeln(letter, quote, title, ' ', yes);
  r := min; s := half;
  writeln(r, s, max - min);
  writeln(title:12, '|', title:3, '|')
end.
