{ The buffer variable of a text file written with put (ISO 6.6.5.2): f^ := c; put(f) appends c. }
program textbuffer(output);
var f: text; i: integer;
begin
  rewrite(f);
  for i := 1 to 3 do begin f^ := chr(ord('0') + i); put(f); f^ := '.'; put(f) end;
  writeln(f);
  write(f, 'end');
  writeln(f);
  reset(f);
  while not eof(f) do
  begin
    while not eoln(f) do begin write(f^); get(f) end;
    readln(f);
    writeln
  end
end.
