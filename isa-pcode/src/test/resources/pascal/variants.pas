{ Records with variant parts (ISO 6.4.3.3): tag fields, case over the tag, nested variants, new with tag values. }
program variants(output);
type shape = (circle, rect, tri);
     figure = record
       id: integer;
       case kind: shape of
         circle: (radius: real);
         rect: (w, h: real);
         tri: (a, b, c: integer; case right: boolean of
                 true: (hyp: integer);
                 false: ())
     end;
     pfig = ^figure;
var f: figure; p: pfig;

function area(var x: figure): real;
begin
  case x.kind of
    circle: area := 3.0 * x.radius * x.radius;
    rect: area := x.w * x.h;
    tri: area := x.a * x.b / 2
  end
end;

procedure show(var x: figure);
begin
  write(x.id:3, ' ', ord(x.kind):1, ' ', area(x):8:2);
  if x.kind = tri then
    if x.right then write(' hyp=', x.hyp:1) else write(' oblique');
  writeln
end;

begin
  f.id := 1; f.kind := circle; f.radius := 2; show(f);
  f.id := 2; f.kind := rect; f.w := 3; f.h := 4.5; show(f);
  f.id := 3; f.kind := tri; f.a := 3; f.b := 4; f.c := 5; f.right := true; f.hyp := 5; show(f);
  f.right := false; show(f);
  new(p, rect);
  p^.id := 4; p^.kind := rect; p^.w := 1.5; p^.h := 2; show(p^);
  dispose(p, rect);
  new(p, tri, true);
  p^.id := 5; p^.kind := tri; p^.a := 6; p^.b := 8; p^.right := true; p^.hyp := 10; show(p^);
  dispose(p, tri, true);
  new(p);
  with p^ do begin id := 6; kind := circle; radius := 1 end;
  show(p^);
  dispose(p)
end.
