{ Nested procedures and functions reaching variables of every enclosing block (ISO 6.2.2). }
program nested(output);
var g: integer;

procedure outer(p: integer);
var a: integer;

  procedure middle(q: integer);
  var b: integer;

    procedure inner(r: integer);
    var c: integer;
    begin
      c := g + p + a + q + b + r;
      writeln('inner: ', g:1, ' ', p:1, ' ', a:1, ' ', q:1, ' ', b:1, ' ', r:1, ' sum=', c:1);
      a := a + 1;
      g := g * 2
    end;

    function twice(x: integer): integer;
    begin
      twice := 2 * x + b
    end;

  begin
    b := 100 * q;
    inner(q + 1);
    writeln('middle: b=', b:1, ' twice=', twice(q):1, ' a=', a:1)
  end;

begin
  a := 10 * p;
  middle(p + 1);
  middle(p + 2);
  writeln('outer: a=', a:1)
end;

begin
  g := 1;
  outer(1);
  outer(2);
  writeln('g=', g:1)
end.
