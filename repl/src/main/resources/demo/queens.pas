program queens(output);
{ How many ways are there to put n queens on an n x n chessboard so that
  no two attack each other? A backtracking search: place puts a queen in
  each safe column of one row, then calls itself for the next row. }
const
  max = 8;
var
  col: array [1..max] of integer; { col[r]: the column of the queen in row r }
  n, solutions: integer;

function safe(row, c: integer): boolean;
var
  r: integer;
  ok: boolean;
begin
  ok := true;
  for r := 1 to row - 1 do
    if (col[r] = c) or (abs(col[r] - c) = row - r) then
      ok := false;
  safe := ok
end;

procedure place(row: integer);
var
  c: integer;
begin
  if row > n then
    solutions := solutions + 1
  else
    for c := 1 to n do
      if safe(row, c) then
      begin
        col[row] := c;
        place(row + 1)
      end
end;

begin
  writeln('board  solutions');
  for n := 1 to max do
  begin
    solutions := 0;
    place(1);
    writeln(n:3, 'x', n:1, solutions:8)
  end
end.
