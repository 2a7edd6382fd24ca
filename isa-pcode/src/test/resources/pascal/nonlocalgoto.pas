{ A goto from nested routines out to a label of an enclosing block (ISO 6.8.2.4): the frames between are discarded. }
program nonlocalgoto(output);
label 9;
var depth: integer;

procedure search(n: integer);
label 5;

  procedure dive(k: integer);
  begin
    depth := depth + 1;
    if k = 0 then goto 5;
    if k = 100 then goto 9;
    dive(k - 1);
    writeln('never here')
  end;

begin
  dive(n);
5: writeln('recovered at depth ', depth:1, ' for ', n:1)
end;

procedure fail;
  procedure deeper;
  begin
    writeln('bailing out');
    goto 9
  end;
begin
  deeper;
  writeln('not printed')
end;

begin
  depth := 0;
  search(3);
  search(5);
  fail;
  writeln('not printed either');
9: writeln('at label 9, depth ', depth:1)
end.
