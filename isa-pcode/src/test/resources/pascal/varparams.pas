{ Variable parameters (ISO 6.6.3.3): aliases of whole variables, array elements, fields and other var parameters. }
program varparams(output);
type pair = record x, y: integer end; vec = array[1..4] of integer;
var a, b: integer; p: pair; v: vec; r: real; c: char;

procedure swap(var x, y: integer);
var t: integer;
begin t := x; x := y; y := t end;

procedure incr(var n: integer; by: integer);
begin n := n + by end;

procedure twice(var n: integer);
begin incr(n, n) end;

procedure fill(var w: vec; base: integer);
var i: integer;
begin for i := 1 to 4 do w[i] := base + i end;

procedure setr(var x: real; var ch: char);
begin x := 2.5; ch := '#' end;

begin
  a := 1; b := 2;
  swap(a, b);
  writeln(a, b);
  p.x := 10; p.y := 20;
  swap(p.x, p.y);
  writeln(p.x, p.y);
  fill(v, 100);
  swap(v[1], v[4]);
  writeln(v[1], v[2], v[3], v[4]);
  incr(v[2], 5); twice(v[3]);
  writeln(v[2], v[3]);
  twice(a);
  writeln(a);
  setr(r, c);
  writeln(r:4:1, c);
  a := 3;
  swap(v[a], v[a - 1]);
  writeln(v[2], v[3])
end.
