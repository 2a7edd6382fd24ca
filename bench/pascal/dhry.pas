{ A Dhrystone-style integer mix: records, enumerations, character arrays, procedure calls with
  var parameters, and integer arithmetic, in the proportions of the classic benchmark. }
program dhry(output);
const
  loops = 15000000;
type
  enumeration = (ident1, ident2, ident3, ident4, ident5);
  str30 = packed array [1..30] of char;
  recptr = ^rec;
  rec = record
    next: recptr;
    discr: enumeration;
    intcomp: integer;
    strcomp: str30
  end;
var
  glob, nextglob: recptr;
  intglob, i, run, int1, int2, int3: integer;
  boolglob: boolean;
  char1glob, char2glob: char;
  arr1: array [1..50] of integer;
  arr2: array [1..50, 1..50] of integer;
  enum1: enumeration;
  str1, str2: str30;

function func1(ch1, ch2: char): enumeration;
begin
  if ch1 <> ch2 then func1 := ident1 else func1 := ident2
end;

function func2(var s1, s2: str30): boolean;
var
  k: integer;
begin
  k := 2;
  while k <= 2 do
    if func1(s1[k], s2[k + 1]) = ident1 then k := k + 1;
  func2 := s1 > s2
end;

procedure proc7(a, b: integer; var c: integer);
begin
  c := b + a + 2
end;


procedure proc3(var p: recptr);
begin
  if glob <> nil then p := glob^.next;
  proc7(10, intglob, glob^.intcomp)
end;

procedure proc6(e: enumeration; var r: enumeration);
begin
  r := e;
  case e of
    ident1: r := ident1;
    ident2: if intglob > 100 then r := ident1 else r := ident4;
    ident3: r := ident2;
    ident4: ;
    ident5: r := ident3
  end
end;

procedure proc1(p: recptr);
begin
  p^.next^ := glob^;
  p^.intcomp := 5;
  p^.next^.intcomp := p^.intcomp;
  p^.next^.next := p^.next;
  proc3(p^.next^.next);
  if p^.next^.discr = ident1 then
  begin
    p^.next^.intcomp := 6;
    proc6(p^.discr, p^.next^.discr);
    p^.next^.next := glob^.next;
    proc7(p^.next^.intcomp, 10, p^.next^.intcomp)
  end
  else
    p^ := p^.next^
end;

begin
  new(nextglob);
  new(glob);
  glob^.next := nextglob;
  glob^.discr := ident3;
  glob^.intcomp := 40;
  glob^.strcomp := 'DHRYSTONE PROGRAM, SOME STRING';
  str1 := 'DHRYSTONE PROGRAM, 1ST STRING ';
  for i := 1 to 50 do arr1[i] := 0;
  arr2[8, 7] := 10;
  for run := 1 to loops do
  begin
    intglob := 5;
    boolglob := true;
    char1glob := 'A';
    char2glob := 'B';
    int1 := 2;
    int2 := 3;
    str2 := 'DHRYSTONE PROGRAM, 2ND STRING ';
    enum1 := ident2;
    boolglob := not func2(str1, str2);
    while int1 < int2 do
    begin
      int3 := 5 * int1 - int2;
      proc7(int1, int2, int3);
      int1 := int1 + 1
    end;
    arr1[int1] := int3;
    arr2[int1, int1 + 1] := arr1[int1] + arr2[int1, int1];
    proc1(glob);
    if func1(char1glob, 'C') = enum1 then proc6(ident1, enum1);
    int2 := int2 * int1;
    int1 := int2 div int3;
    int2 := 7 * (int2 - int3) - int1
  end;
  writeln('int1 ', int1:1, ' int2 ', int2:1, ' int3 ', int3:1, ' intglob ', intglob:1)
end.
