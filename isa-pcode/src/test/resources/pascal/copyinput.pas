{ Copying input to output character by character with eoln and eof (ISO 6.9.5), numbering lines. }
program copyinput(input, output);
var c: char; line, chars, words: integer; inword: boolean;
begin
  line := 0; chars := 0; words := 0;
  while not eof(input) do
  begin
    line := line + 1;
    write(line:3, ': ');
    inword := false;
    while not eoln(input) do
    begin
      read(c);
      write(c);
      chars := chars + 1;
      if c = ' ' then inword := false
      else if not inword then begin inword := true; words := words + 1 end
    end;
    readln;
    writeln
  end;
  writeln(line:1, ' lines, ', words:1, ' words, ', chars:1, ' characters')
end.
