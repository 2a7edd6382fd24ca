{ Forward declarations (ISO 6.6.1): mutually recursive procedures and functions. }
program forward(output);
var l: integer;

function isodd(n: integer): boolean; forward;

function iseven(n: integer): boolean;
begin
  if n = 0 then iseven := true else iseven := isodd(n - 1)
end;

function isodd;
begin
  if n = 0 then isodd := false else isodd := iseven(n - 1)
end;

procedure ping(n: integer; var log: integer); forward;

procedure pong(n: integer; var log: integer);
begin
  log := log * 10 + 2;
  if n > 0 then ping(n - 1, log)
end;

procedure ping;
begin
  log := log * 10 + 1;
  if n > 0 then pong(n - 1, log)
end;

begin
  writeln(iseven(10), isodd(7), iseven(3));
  l := 0;
  ping(5, l);
  writeln(l)
end.
