{ The sieve of Eratosthenes twice: with a Boolean array and with a set. }
program sieve(output);
const limit = 200;
var prime: array[2..limit] of boolean; i, j, count: integer; s: set of 2..255;
begin
  for i := 2 to limit do prime[i] := true;
  for i := 2 to limit do
    if prime[i] then
    begin
      j := i * i;
      while j <= limit do begin prime[j] := false; j := j + i end
    end;
  count := 0;
  for i := 2 to limit do
    if prime[i] then
    begin
      write(i:4); count := count + 1;
      if count mod 15 = 0 then writeln
    end;
  writeln;
  s := [2..255];
  for i := 2 to 15 do
    if i in s then
    begin
      j := i * i;
      while j <= 255 do begin s := s - [j]; j := j + i end
    end;
  count := 0;
  for i := 2 to 255 do if i in s then count := count + 1;
  writeln(count:1, ' primes below 256')
end.
