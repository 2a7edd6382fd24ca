{ Quicksort of 1,000,000 pseudo-random integers (a linear congruential generator), eight times,
  each followed by a check. }
program qsort(output);
const
  n = 1000000;
var
  a: array [1..n] of integer;
  seed, i, round, unsorted: integer;

function random: integer;
begin
  seed := (seed * 1103 + 12345) mod 1048576;
  random := seed
end;

procedure sort(lo, hi: integer);
var
  i, j, pivot, t: integer;
begin
  i := lo;
  j := hi;
  pivot := a[(lo + hi) div 2];
  repeat
    while a[i] < pivot do i := i + 1;
    while a[j] > pivot do j := j - 1;
    if i <= j then
    begin
      t := a[i]; a[i] := a[j]; a[j] := t;
      i := i + 1;
      j := j - 1
    end
  until i > j;
  if lo < j then sort(lo, j);
  if i < hi then sort(i, hi)
end;

begin
  seed := 42;
  unsorted := 0;
  for round := 1 to 8 do
  begin
    for i := 1 to n do a[i] := random;
    sort(1, n);
    for i := 2 to n do
      if a[i - 1] > a[i] then unsorted := unsorted + 1
  end;
  writeln('pairs out of order: ', unsorted:1, ' first ', a[1]:1, ' last ', a[n]:1)
end.
