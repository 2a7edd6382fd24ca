{ Packed arrays and the transfer procedures pack and unpack (ISO 6.6.5.4). }
program packing(output);
type small = packed array[1..4] of char;
var u: array[1..10] of char; p: small; i: integer;
    nums: array[0..5] of integer; pn: packed array[1..3] of integer;
begin
  for i := 1 to 10 do u[i] := chr(ord('a') + i - 1);
  pack(u, 3, p);
  writeln(p);
  p := 'WXYZ';
  unpack(p, u, 5);
  for i := 1 to 10 do write(u[i]);
  writeln;
  for i := 0 to 5 do nums[i] := i * i;
  pack(nums, 2, pn);
  writeln(pn[1], pn[2], pn[3]);
  pn[2] := -1;
  unpack(pn, nums, 0);
  for i := 0 to 5 do write(nums[i]:3);
  writeln
end.
