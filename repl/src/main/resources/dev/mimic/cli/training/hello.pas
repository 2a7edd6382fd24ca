{ The pascal program of the start-up training run (StartupTraining). }
program hello(output);
begin
  writeln('Hello, world!')
end.
