{ Enumerated types (ISO 6.4.2.3): ordering, ord, succ, pred, loops, arrays and sets over them. }
program enums(output);
type suit = (clubs, diamonds, hearts, spades);
     rank = (two, three, four, five, six, seven, eight, nine, ten, jack, queen, king, ace);
     card = record s: suit; r: rank end;
var s: suit; r: rank; c: card; hand: array[1..3] of card; i, total: integer;
    names: array[suit] of char;
begin
  names[clubs] := 'C'; names[diamonds] := 'D'; names[hearts] := 'H'; names[spades] := 'S';
  for s := clubs to spades do write(names[s], ord(s):2, ' ');
  writeln;
  writeln(succ(clubs) = diamonds, pred(spades) = hearts, clubs < spades, ace > king);
  r := two;
  total := 0;
  while r < ace do begin r := succ(r); total := total + 1 end;
  writeln(total, ord(r));
  c.s := hearts; c.r := queen;
  hand[1] := c;
  hand[2].s := spades; hand[2].r := ace;
  hand[3].s := pred(c.s); hand[3].r := succ(ten);
  for i := 1 to 3 do write(names[hand[i].s], ord(hand[i].r):3, ' ');
  writeln;
  if hand[2].r in [jack..ace] then writeln('court or ace')
end.
