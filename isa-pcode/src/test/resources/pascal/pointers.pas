{ Pointers and dynamic allocation (ISO 6.4.4, 6.6.5.3): a linked list built, walked, reversed and disposed. }
program pointers(output);
type link = ^node;
     node = record value: integer; next: link end;
var head, p, q, prev: link; i, n: integer; ip: ^integer; rp: ^real;

procedure push(var list: link; v: integer);
var n: link;
begin new(n); n^.value := v; n^.next := list; list := n end;

procedure print(list: link);
begin
  while list <> nil do begin write(list^.value:4); list := list^.next end;
  writeln
end;

function length(list: link): integer;
begin
  if list = nil then length := 0 else length := 1 + length(list^.next)
end;

begin
  head := nil;
  for i := 1 to 8 do push(head, i * i);
  print(head);
  writeln('length ', length(head):1);
  prev := nil; p := head;
  while p <> nil do begin q := p^.next; p^.next := prev; prev := p; p := q end;
  head := prev;
  print(head);
  n := 0;
  while head <> nil do begin p := head; head := head^.next; dispose(p); n := n + 1 end;
  writeln('disposed ', n:1, ' ', head = nil);
  new(ip); ip^ := 5; new(rp); rp^ := ip^ / 2;
  writeln(ip^, rp^:6:2);
  dispose(ip); dispose(rp);
  p := nil; q := nil;
  writeln(p = q, p <> nil)
end.
