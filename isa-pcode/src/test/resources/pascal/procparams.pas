{ Procedural and functional parameters (ISO 6.6.3.4-5): passing declared, nested and formal routines;
  a nested routine passed as a parameter still reaches the variables of its own block. }
program procparams(output);
var total: integer;

function square(x: integer): integer; begin square := x * x end;
function cube(x: integer): integer; begin cube := x * x * x end;

function sum(function f(x: integer): integer; n: integer): integer;
var i, s: integer;
begin s := 0; for i := 1 to n do s := s + f(i); sum := s end;

procedure apply(procedure p(k: integer); n: integer);
var i: integer;
begin for i := 1 to n do p(i) end;

procedure relay(function g(x: integer): integer; procedure p(k: integer));
begin p(g(3)); writeln('relay sum ', sum(g, 3):1) end;

procedure report(k: integer); begin write(k:4) end;

procedure counter(base: integer);
var hits: integer;
  procedure hit(k: integer);
  begin hits := hits + 1; total := total + base * k end;
  function offset(x: integer): integer; begin offset := x + base end;
begin
  hits := 0;
  apply(hit, 4);
  writeln('hits ', hits:1, ' total ', total:1);
  relay(offset, hit);
  writeln('hits ', hits:1, ' total ', total:1)
end;

function compose(function f(x: integer): integer; function g(x: integer): integer; x: integer): integer;
begin compose := f(g(x)) end;

begin
  writeln(sum(square, 5), sum(cube, 3));
  apply(report, 5);
  writeln;
  total := 0;
  counter(10);
  counter(100);
  writeln(compose(square, cube, 2), compose(cube, square, 2))
end.
