{ The eight queens by backtracking (Wirth), with Boolean arrays indexed by diagonals. }
program queens(output);
var col: array[1..8] of integer; row: array[1..8] of boolean;
    up: array[2..16] of boolean; down: array[-7..7] of boolean; solutions, i: integer;

procedure place(c: integer);
var r, k: integer;
begin
  for r := 1 to 8 do
    if row[r] and up[c + r] and down[c - r] then
    begin
      col[c] := r; row[r] := false; up[c + r] := false; down[c - r] := false;
      if c < 8 then place(c + 1)
      else
      begin
        solutions := solutions + 1;
        if solutions <= 3 then
        begin
          for k := 1 to 8 do write(col[k]:2);
          writeln
        end
      end;
      row[r] := true; up[c + r] := true; down[c - r] := true
    end
end;

begin
  for i := 1 to 8 do row[i] := true;
  for i := 2 to 16 do up[i] := true;
  for i := -7 to 7 do down[i] := true;
  solutions := 0;
  place(1);
  writeln(solutions:1, ' solutions')
end.
