{ Function results (ISO 6.6.2): assigned several times, assigned by a nested procedure, and a
  function called recursively while its result is being computed. }
program results(output);
var i: integer;

function collatz(n: integer): integer;
var steps: integer;
  procedure step;
  begin
    if odd(n) then n := 3 * n + 1 else n := n div 2;
    steps := steps + 1;
    collatz := steps
  end;
begin
  steps := 0;
  collatz := 0;
  while n <> 1 do step
end;

function sign(x: integer): integer;
begin
  sign := 0;
  if x > 0 then sign := 1;
  if x < 0 then sign := -1
end;

function power(b, e: integer): integer;
begin
  if e = 0 then power := 1
  else if odd(e) then power := b * power(b, e - 1)
  else begin power := sqr(power(b, e div 2)) end
end;

begin
  for i := 1 to 10 do write(collatz(i):4);
  writeln;
  writeln(sign(-5), sign(0), sign(9));
  writeln(power(2, 10), power(3, 7), power(7, 0))
end.
