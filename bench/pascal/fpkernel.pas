{ A floating-point kernel: the Mandelbrot set on a 600 x 400 grid, 1000 iterations at most,
  plus a harmonic sum. }
program fpkernel(output);
const
  width = 600;
  height = 400;
  maxiter = 1000;
var
  x, y, iter, inside: integer;
  cr, ci, zr, zi, t, sum: real;
begin
  inside := 0;
  for y := 0 to height - 1 do
    for x := 0 to width - 1 do
    begin
      cr := 3.0 * x / width - 2.0;
      ci := 2.0 * y / height - 1.0;
      zr := 0.0;
      zi := 0.0;
      iter := 0;
      while (iter < maxiter) and (zr * zr + zi * zi <= 4.0) do
      begin
        t := zr * zr - zi * zi + cr;
        zi := 2.0 * zr * zi + ci;
        zr := t;
        iter := iter + 1
      end;
      if iter = maxiter then inside := inside + 1
    end;
  sum := 0.0;
  for x := 1 to 50000000 do
    sum := sum + 1.0 / x;
  writeln('inside: ', inside:1, ' harmonic: ', sum:12:8)
end.
