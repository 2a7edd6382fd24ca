{ Functions of every result type: integer, real, char, Boolean, enumeration, subrange and pointer (6.6.2). }
program functions(output);
type level = (low, mid, high); small = 0..9; link = ^node; node = record v: integer end;
var p: link; k: integer;

function half(x: real): real; begin half := x / 2 end;
function upper(c: char): char;
begin
  if (c >= 'a') and (c <= 'z') then upper := chr(ord(c) - ord('a') + ord('A')) else upper := c
end;
function even(n: integer): boolean; begin even := not odd(n) end;
function grade(n: integer): level;
begin
  if n < 10 then grade := low else if n < 100 then grade := mid else grade := high
end;
function digit(n: integer): small; begin digit := n mod 10 end;
function make(v: integer): link;
var q: link;
begin new(q); q^.v := v; make := q end;
function sideeffect(var n: integer): integer;
begin n := n + 1; sideeffect := n * 10 end;
function noargs: integer; begin noargs := 42 end;

begin
  writeln(half(5):6:2, half(-1):6:2);
  writeln(upper('q'), upper('Q'), upper('1'));
  writeln(even(4), even(7));
  writeln(ord(grade(5)), ord(grade(50)), ord(grade(500)));
  writeln(digit(1234), digit(7) + 1);
  p := make(99);
  writeln(p^.v);
  p := make(7);
  writeln(p^.v + 1);
  k := 1;
  writeln(sideeffect(k), sideeffect(k), k);
  writeln(noargs + noargs);
  if grade(20) = mid then writeln('mid')
end.
