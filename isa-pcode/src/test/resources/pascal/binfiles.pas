{ Typed (binary) files (ISO 6.4.3.5, 6.6.5.2): file of integer and file of record with write, read,
  the buffer variable, get, put and eof. }
program binfiles(output);
type point = record x, y: integer; tag: char end;
var fi: file of integer; fp: file of point; p: point; i, n, sum: integer;
    fr: file of real; r, x: real; fc: file of char; c: char;
begin
  rewrite(fi);
  for i := 1 to 10 do write(fi, i * i);
  reset(fi);
  sum := 0; n := 0;
  while not eof(fi) do begin read(fi, i); sum := sum + i; n := n + 1 end;
  writeln(n:3, sum:5);
  reset(fi);
  writeln(fi^);
  get(fi);
  writeln(fi^);
  rewrite(fp);
  for i := 1 to 3 do
  begin
    p.x := i; p.y := -i; p.tag := chr(ord('a') + i - 1);
    write(fp, p)
  end;
  fp^.x := 99; fp^.y := 98; fp^.tag := 'z';
  put(fp);
  reset(fp);
  while not eof(fp) do
  begin
    read(fp, p);
    writeln(p.x:3, p.y:4, ' ', p.tag)
  end;
  rewrite(fr);
  write(fr, 1.5, 2.25);
  reset(fr);
  r := 0;
  while not eof(fr) do begin read(fr, x); r := r + x end;
  writeln(r:6:2);
  rewrite(fc);
  for c := 'p' to 't' do write(fc, c);
  reset(fc);
  while not eof(fc) do begin write(fc^); get(fc) end;
  writeln
end.
