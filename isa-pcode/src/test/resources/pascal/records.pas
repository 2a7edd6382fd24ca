{ Records, nested records and with statements (ISO 6.4.3.3, 6.8.3.10). }
program records(output);
type date = record day, month, year: integer end;
     person = record
       name: packed array[1..5] of char;
       born: date;
       height: real;
       married: boolean
     end;
var p, q: person; people: array[1..3] of person; i: integer;

procedure print(x: person);
begin
  with x, born do
    writeln(name, ' ', day:2, '.', month:2, '.', year:4, height:6:2, married:6)
end;

begin
  p.name := 'Alice';
  p.born.day := 1; p.born.month := 2; p.born.year := 1990;
  p.height := 1.68; p.married := false;
  print(p);
  q := p;
  with q do
  begin
    name := 'Bob  ';
    with born do begin day := 15; year := year - 5 end;
    married := true
  end;
  print(q);
  print(p);
  for i := 1 to 3 do
    with people[i] do
    begin
      name := 'Kid  ';
      name[4] := chr(ord('0') + i);
      born := p.born;
      born.day := i;
      height := i / 2;
      married := odd(i)
    end;
  for i := 1 to 3 do print(people[i]);
  with people[2], born do writeln(name, day)
end.
