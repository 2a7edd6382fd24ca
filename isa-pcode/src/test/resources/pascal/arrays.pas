{ Arrays (ISO 6.4.3.2): indexes of subrange, char, enumeration and Boolean type, several dimensions,
  whole-array assignment and value parameters that copy. }
program arrays(output);
type colour = (red, green, blue);
     row = array[1..3] of integer;
     matrix = array[1..3] of row;
     grid = array[0..2, -1..1] of char;
var m, n: matrix; g: grid; count: array['a'..'e'] of integer; mix: array[colour] of real;
    flags: array[boolean] of char; i, j: integer; c: char; k: colour;

procedure show(t: matrix);
var i, j: integer;
begin
  for i := 1 to 3 do
  begin
    for j := 1 to 3 do write(t[i, j]:4);
    writeln
  end
end;

procedure clobber(t: matrix);
begin t[1][1] := -1; show(t) end;

function trace(var t: matrix): integer;
var i, s: integer;
begin s := 0; for i := 1 to 3 do s := s + t[i][i]; trace := s end;

begin
  for i := 1 to 3 do for j := 1 to 3 do m[i, j] := i * 10 + j;
  show(m);
  n := m;
  n[2][2] := 0;
  clobber(n);
  show(m);
  writeln('trace ', trace(m):1, ' ', trace(n):1);
  m[1] := m[3];
  writeln(m[1, 1], m[1][3]);
  for i := 0 to 2 do for j := -1 to 1 do g[i, j] := chr(ord('a') + i * 3 + j + 1);
  for i := 0 to 2 do begin for j := -1 to 1 do write(g[i][j]); writeln end;
  for c := 'a' to 'e' do count[c] := ord(c) - ord('a');
  writeln(count['c'], count['e']);
  for k := red to blue do mix[k] := ord(k) * 1.5;
  writeln(mix[blue]:5:2);
  flags[false] := 'F'; flags[true] := 'T';
  writeln(flags[1 > 2], flags[2 > 1])
end.
