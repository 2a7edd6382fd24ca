{ The smallest program: one line of output. }
program hello(output);
begin
  writeln('Hello, world!')
end.
