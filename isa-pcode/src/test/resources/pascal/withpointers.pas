{ With statements over dynamic records and array elements: the record is selected once, when the statement starts. }
program withpointers(output);
type pnode = ^node;
     node = record key: integer; name: char; next: pnode end;
var p, q: pnode; arr: array[1..3] of node; i: integer;
begin
  new(p); new(q);
  with p^ do begin key := 1; name := 'p'; next := q end;
  with q^ do begin key := 2; name := 'q'; next := nil end;
  with p^.next^ do writeln(key:2, name);
  i := 1;
  with arr[i] do
  begin
    i := 3;
    key := 10; name := 'a'; next := p
  end;
  writeln(arr[1].key, ' ', arr[1].name, ' ', arr[1].next^.name);
  with arr[1], next^ do writeln(key:3, name);
  for i := 1 to 3 do with arr[i] do key := i * 100;
  with arr[2] do with arr[3] do writeln(key);
  with p^, next^ do begin key := key + 40; writeln(key, p^.key, q^.key) end
end.
