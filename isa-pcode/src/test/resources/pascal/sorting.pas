{ Sorting an array three ways: insertion sort, quicksort (recursive, nested partition) and a counting sort over a subrange. }
program sorting(output);
const n = 20;
type vector = array[1..n] of integer;
var a, b: vector; i, seed: integer; counts: array[0..99] of integer; k, j: integer;

procedure print(var v: vector);
var i: integer;
begin for i := 1 to n do write(v[i]:3); writeln end;

procedure insertion(var v: vector);
var i, j, x: integer; done: boolean;
begin
  for i := 2 to n do
  begin
    x := v[i]; j := i - 1; done := false;
    while (j >= 1) and not done do
      if v[j] > x then begin v[j + 1] := v[j]; j := j - 1 end else done := true;
    v[j + 1] := x
  end
end;

procedure quicksort(var v: vector);
  procedure sort(l, r: integer);
  var i, j, x, w: integer;
  begin
    i := l; j := r; x := v[(l + r) div 2];
    repeat
      while v[i] < x do i := i + 1;
      while x < v[j] do j := j - 1;
      if i <= j then begin w := v[i]; v[i] := v[j]; v[j] := w; i := i + 1; j := j - 1 end
    until i > j;
    if l < j then sort(l, j);
    if i < r then sort(i, r)
  end;
begin sort(1, n) end;

begin
  seed := 7;
  for i := 1 to n do begin seed := (seed * 31 + 17) mod 97; a[i] := seed end;
  print(a);
  b := a; insertion(b); print(b);
  b := a; quicksort(b); print(b);
  for k := 0 to 99 do counts[k] := 0;
  for i := 1 to n do counts[a[i]] := counts[a[i]] + 1;
  i := 1;
  for k := 0 to 99 do for j := 1 to counts[k] do begin b[i] := k; i := i + 1 end;
  print(b)
end.
