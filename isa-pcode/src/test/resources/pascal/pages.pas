{ page (ISO 6.9.5) starts a new page: a form feed on the output file. }
program pages(output);
begin
  writeln('page one');
  page(output);
  writeln('page two');
  page;
  writeln('page three')
end.
