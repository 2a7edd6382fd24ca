{ Recursive functions and procedures: factorial, Fibonacci, Ackermann, Hanoi, mutual recursion via nesting. }
program recursion(output);
var i: integer; moves: integer;

function fact(n: integer): integer;
begin
  if n <= 1 then fact := 1 else fact := n * fact(n - 1)
end;

function fib(n: integer): integer;
begin
  if n < 2 then fib := n else fib := fib(n - 1) + fib(n - 2)
end;

function ack(m, n: integer): integer;
begin
  if m = 0 then ack := n + 1
  else if n = 0 then ack := ack(m - 1, 1)
  else ack := ack(m - 1, ack(m, n - 1))
end;

procedure hanoi(n: integer; a, b, c: char);
begin
  if n > 0 then
  begin
    hanoi(n - 1, a, c, b);
    moves := moves + 1;
    if n = 3 then writeln('move disk 3 from ', a, ' to ', b);
    hanoi(n - 1, c, b, a)
  end
end;

function gcd(a, b: integer): integer;
begin
  if b = 0 then gcd := a else gcd := gcd(b, a mod b)
end;

begin
  for i := 0 to 12 do write(fact(i):10);
  writeln;
  for i := 0 to 20 do write(fib(i):5);
  writeln;
  writeln('ack(2,3)=', ack(2, 3):1, ' ack(3,3)=', ack(3, 3):1);
  moves := 0;
  hanoi(6, 'A', 'B', 'C');
  writeln('moves: ', moves:1);
  writeln(gcd(1071, 462), gcd(17, 5))
end.
