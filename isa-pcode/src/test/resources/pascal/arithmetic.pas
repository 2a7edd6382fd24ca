{ Integer arithmetic: precedence, div and mod (ISO 6.7.2.2), unary signs, maxint. }
program arithmetic(output);
var a, b, c: integer;
begin
  a := 17; b := 5;
  writeln(a + b, a - b, a * b, a div b, a mod b);
  writeln(-a div b, (-a) mod b, a div (-b));
  c := a + b * 2 - (a - b) div 3;
  writeln('c = ', c);
  writeln(-c, +c, -(-c));
  writeln(maxint, -maxint);
  writeln(maxint div 2 * 2 + 1 = maxint);
  writeln(abs(-42), sqr(12), abs(7), sqr(-3));
  writeln(odd(a), odd(b + 1));
  a := 1;
  for b := 1 to 10 do a := a * 2;
  writeln('2^10 = ', a:1);
  writeln((7 + 3) * (2 - 5) div 2)
end.
