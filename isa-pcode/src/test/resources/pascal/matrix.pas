{ Matrix multiplication and transposition with two-dimensional arrays and var parameters. }
program matrix(output);
const n = 4;
type mat = array[1..n, 1..n] of integer;
var a, b, c: mat; i, j: integer;

procedure multiply(var x, y, z: mat);
var i, j, k, s: integer;
begin
  for i := 1 to n do
    for j := 1 to n do
    begin
      s := 0;
      for k := 1 to n do s := s + x[i, k] * y[k, j];
      z[i, j] := s
    end
end;

procedure transpose(var m: mat);
var i, j, t: integer;
begin
  for i := 1 to n do
    for j := i + 1 to n do
    begin t := m[i, j]; m[i, j] := m[j, i]; m[j, i] := t end
end;

procedure print(var m: mat);
var i, j: integer;
begin
  for i := 1 to n do begin for j := 1 to n do write(m[i, j]:6); writeln end
end;

begin
  for i := 1 to n do
    for j := 1 to n do
    begin a[i, j] := i + j; if i = j then b[i, j] := 2 else b[i, j] := 0 end;
  b[1, n] := 1;
  multiply(a, b, c);
  print(c);
  transpose(c);
  print(c);
  multiply(c, c, a);
  writeln(a[1, 1], a[n, n])
end.
