{ A binary search tree: recursive insertion and traversals through pointers passed by variable. }
program tree(output);
type tree = ^node;
     node = record key: integer; left, right: tree end;
var root: tree; i, k: integer;

procedure insert(var t: tree; k: integer);
begin
  if t = nil then
  begin new(t); t^.key := k; t^.left := nil; t^.right := nil end
  else if k < t^.key then insert(t^.left, k)
  else if k > t^.key then insert(t^.right, k)
end;

procedure inorder(t: tree);
begin
  if t <> nil then begin inorder(t^.left); write(t^.key:4); inorder(t^.right) end
end;

procedure preorder(t: tree);
begin
  if t <> nil then begin write(t^.key:4); preorder(t^.left); preorder(t^.right) end
end;

function depth(t: tree): integer;
var l, r: integer;
begin
  if t = nil then depth := 0
  else begin
    l := depth(t^.left); r := depth(t^.right);
    if l > r then depth := l + 1 else depth := r + 1
  end
end;

function contains(t: tree; k: integer): boolean;
begin
  if t = nil then contains := false
  else if k = t^.key then contains := true
  else if k < t^.key then contains := contains(t^.left, k)
  else contains := contains(t^.right, k)
end;

begin
  root := nil;
  k := 37;
  for i := 1 to 15 do begin insert(root, k); k := (k * 17 + 11) mod 101 end;
  inorder(root); writeln;
  preorder(root); writeln;
  writeln('depth ', depth(root):1);
  writeln(contains(root, 37), contains(root, 38))
end.
