{ Reals in floating-point form (ISO 6.9.3.4.1): P5 writes two exponent digits, 22 columns by default. }
program realformat(output);
var x: real;
begin
  x := 1.554;
  writeln(x);
  writeln(-x);
  writeln(x:15);
  writeln(x:1);
  writeln(0.00334:15);
  writeln(123456.0:12);
  writeln(0.0);
  writeln(-2.5e-5:14)
end.
