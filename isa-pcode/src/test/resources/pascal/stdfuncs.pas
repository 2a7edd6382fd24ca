{ The required functions (ISO 6.6.6): arithmetic, transfer and ordinal functions, printed in fixed-point form. }
program stdfuncs(output);
var x: real; i: integer;
begin
  x := 0.5;
  writeln(sin(x):10:6, cos(x):10:6, arctan(1) * 4:10:6);
  writeln(exp(1):10:6, ln(10):10:6, sqrt(2):10:6, sqrt(16):6:2);
  writeln(exp(0):5:1, ln(1):5:1, sin(0):5:1);
  writeln(abs(-3.5):5:2, abs(-3), sqr(1.5):6:2, sqr(-4));
  writeln(trunc(7.9), trunc(-7.9), round(7.5), round(-7.5), round(0.49));
  writeln(ord('A'), chr(66), ord(true), succ(5), pred(-5), succ('y'), pred('b'));
  writeln(odd(3), odd(-3), odd(0));
  for i := -2 to 2 do write(sqr(i):3, abs(i):3, ' ');
  writeln;
  writeln(sin(3) * sin(3) + cos(3) * cos(3):8:5);
  writeln(sqrt(sqr(3) + sqr(4)):6:2, exp(ln(8) / 3):8:4)
end.
