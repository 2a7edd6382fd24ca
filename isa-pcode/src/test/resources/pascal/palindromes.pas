{ String processing on packed character arrays: normalising, reversing and comparing. }
program palindromes(output);
const len = 20;
type line = packed array[1..len] of char;
var s: line;

procedure test(t: line);
var clean, rev: line; i, n: integer; c: char;
begin
  n := 0;
  for i := 1 to len do
  begin
    c := t[i];
    if (c >= 'A') and (c <= 'Z') then c := chr(ord(c) + ord('a') - ord('A'));
    if (c >= 'a') and (c <= 'z') then begin n := n + 1; clean[n] := c end
  end;
  for i := n + 1 to len do clean[i] := ' ';
  rev := clean;
  for i := 1 to n do rev[i] := clean[n + 1 - i];
  write(t, ' -> ');
  if rev = clean then writeln('palindrome') else writeln('no')
end;

begin
  s := 'A man, a plan       '; test(s);
  test('Never odd or even   ');
  test('Was it a rat I saw? ');
  test('Pascal P5           ');
  test('Step on no pets     ')
end.
