{ Real arithmetic and fixed-point output r:w:d (ISO 6.9.3.4.2); integers mix in. }
program reals(output);
var x, y: real; i: integer;
begin
  x := 3.25; y := 2;
  writeln(x + y:8:3, x - y:8:3, x * y:8:3, x / y:8:3);
  i := 7;
  writeln(i / 2:6:2, i + x:6:2, x * i:7:3);
  writeln(-x:8:2, abs(-x):8:2, sqr(x):8:4);
  writeln(trunc(x), trunc(-x), round(x), round(-x), round(2.5), round(-2.5));
  writeln(1.0e3:10:1, 12.5e-2:10:4, 1e2:8:1);
  writeln(x > y, x < i, y = 2, 2 = y);
  x := 0.1;
  y := 0;
  for i := 1 to 10 do y := y + x;
  writeln(y:12:9);
  writeln(10 / 4:5:2, 1 / 3:10:7, 2 / 3:3:1)
end.
