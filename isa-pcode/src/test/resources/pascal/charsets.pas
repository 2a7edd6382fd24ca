{ Sets of char: classifying the characters of a text. }
program charsets(output);
type charset = set of char;
var vowels, consonants, digits, seen: charset; c: char; i, nv, nc, nd, other: integer;
    text: packed array[1..32] of char;
begin
  vowels := ['a', 'e', 'i', 'o', 'u'];
  consonants := ['a'..'z'] - vowels;
  digits := ['0'..'9'];
  text := 'Pascal P5 was released in 2008. ';
  nv := 0; nc := 0; nd := 0; other := 0; seen := [];
  for i := 1 to 32 do
  begin
    c := text[i];
    if c in ['A'..'Z'] then c := chr(ord(c) - ord('A') + ord('a'));
    seen := seen + [c];
    if c in vowels then nv := nv + 1
    else if c in consonants then nc := nc + 1
    else if c in digits then nd := nd + 1
    else other := other + 1
  end;
  writeln(nv:3, nc:3, nd:3, other:3);
  for c := 'a' to 'z' do if c in seen then write(c);
  writeln;
  writeln(vowels <= seen, vowels * seen = ['a', 'e', 'i'], seen >= digits)
end.
