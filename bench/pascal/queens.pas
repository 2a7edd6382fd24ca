{ N-queens: counts the solutions on a 10 x 10 board by backtracking, 300 times. }
program queens(output);
const
  n = 10;
var
  column: array [1..n] of boolean;
  up: array [2..20] of boolean;
  down: array [-9..9] of boolean;
  solutions, round, i: integer;

procedure place(row: integer);
var
  c: integer;
begin
  for c := 1 to n do
    if column[c] and up[row + c] and down[row - c] then
    begin
      if row = n then
        solutions := solutions + 1
      else
      begin
        column[c] := false; up[row + c] := false; down[row - c] := false;
        place(row + 1);
        column[c] := true; up[row + c] := true; down[row - c] := true
      end
    end
end;

begin
  for round := 1 to 300 do
  begin
    for i := 1 to n do column[i] := true;
    for i := 2 to 20 do up[i] := true;
    for i := -9 to 9 do down[i] := true;
    solutions := 0;
    place(1)
  end;
  writeln(n:1, ' queens: ', solutions:1, ' solutions')
end.
