{ Pointer-heavy work: builds and checks complete binary trees with new, walks them, and frees
  them with dispose, in the manner of the binary-trees benchmark. }
program trees(output);
type
  node = ^cell;
  cell = record
    left, right: node;
    value: integer
  end;
var
  depth, round, total: integer;
  t: node;

function build(d, v: integer): node;
var
  n: node;
begin
  new(n);
  n^.value := v;
  if d = 0 then
  begin
    n^.left := nil;
    n^.right := nil
  end
  else
  begin
    n^.left := build(d - 1, 2 * v - 1);
    n^.right := build(d - 1, 2 * v)
  end;
  build := n
end;

function check(n: node): integer;
begin
  if n^.left = nil then
    check := n^.value
  else
    check := n^.value + check(n^.left) - check(n^.right)
end;

procedure free(n: node);
begin
  if n^.left <> nil then
  begin
    free(n^.left);
    free(n^.right)
  end;
  dispose(n)
end;

begin
  total := 0;
  for round := 1 to 10 do
    for depth := 4 to 18 do
    begin
      t := build(depth, round);
      total := total + check(t);
      free(t)
    end;
  writeln('checksum: ', total:1)
end.
