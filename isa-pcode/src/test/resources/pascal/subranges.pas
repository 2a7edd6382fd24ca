{ Subrange types (ISO 6.4.2.4): one-byte and word-sized subranges in variables, arrays and records. }
program subranges(output);
type digit = 0..9; letter = 'a'..'z'; index = 1..10; temp = -50..50; big = 0..1000;
     rec = record d: digit; l: letter; t: temp end;
var d: digit; l: letter; i: index; t: temp; b: big; a: array[index] of digit; r: rec;
    bytes: packed array[1..4] of 0..255; sum: integer;
begin
  for i := 1 to 10 do a[i] := (i * 7) mod 10;
  for i := 1 to 10 do write(a[i]:2);
  writeln;
  d := a[3] + 1; l := 'q'; t := -40; b := 999;
  writeln(d, ' ', l, ' ', t, ' ', b);
  r.d := 9; r.l := succ(l); r.t := t + 90;
  writeln(r.d, r.l, r.t);
  bytes[1] := 255; bytes[2] := 0; bytes[3] := 128; bytes[4] := 1;
  sum := 0;
  for i := 1 to 4 do sum := sum + bytes[i];
  writeln(sum, bytes[1] * 2);
  l := 'a';
  while l < 'e' do begin write(l); l := succ(l) end;
  writeln;
  t := -50;
  writeln(t * 2, abs(t), t div 7)
end.
