{ Scope rules (ISO 6.2.2): inner declarations hide outer ones; constants, types and variables of enclosing blocks. }
program scopes(output);
const n = 10; greeting = 'hi';
type t = integer;
var x: t; y: integer;

procedure a;
const n = 20;
var x: char;

  procedure b;
  type t = char;
  var y: t;
  begin
    y := 'b';
    writeln('b: n=', n:1, ' x=', x, ' y=', y)
  end;

begin
  x := 'a';
  writeln('a: n=', n:1, ' x=', x, ' y=', y:1, ' ', greeting);
  b
end;

procedure c(n: integer);
var y: real;
begin
  y := n / 4;
  writeln('c: n=', n:1, ' y=', y:4:2, ' x=', x:1)
end;

begin
  x := 1; y := 2;
  a;
  c(n);
  writeln('main: n=', n:1, ' x=', x:1, ' y=', y:1)
end.
