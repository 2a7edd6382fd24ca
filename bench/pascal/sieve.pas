{ Sieve of Eratosthenes: counts the primes below 2,000,000, eighty times. }
program sieve(output);
const
  limit = 2000000;
  rounds = 80;
var
  composite: packed array [2..limit] of boolean;
  i, j, count, round: integer;
begin
  for round := 1 to rounds do
  begin
    for i := 2 to limit do
      composite[i] := false;
    count := 0;
    for i := 2 to limit do
      if not composite[i] then
      begin
        count := count + 1;
        j := i + i;
        while j <= limit do
        begin
          composite[j] := true;
          j := j + i
        end
      end
  end;
  writeln('primes below ', limit:1, ': ', count:1)
end.
