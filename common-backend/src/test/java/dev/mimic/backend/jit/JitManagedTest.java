package dev.mimic.backend.jit;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.FieldRef;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.backend.ir.ManagedType;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JitManagedTest {
    private static final ManagedType POINT = new ManagedType("Point", null, List.of(), 2, 1);
    private static final ManagedType POINT3 = new ManagedType("Point3", POINT, List.of(), 3, 1);
    private static final FieldRef X = new FieldRef(POINT, "x", Type.I32, 0);
    private static final FieldRef SCALE = new FieldRef(POINT, "scale", Type.F64, 1);
    private static final FieldRef NEXT = new FieldRef(POINT, "next", Type.REF, 0);

    private static GuestFault faultOf(Region r) {
        Fixture.agree(r, f -> { });
        return assertThrows(GuestFault.class, () -> new Fixture().run(r));
    }

    @Test
    void objectFieldsRoundTrip() {
        RegionBuilder b = new RegionBuilder("fields", 0x100);
        Temp p = b.newObject(POINT3);
        b.putField(X, p, b.i32(-7));
        b.putField(SCALE, p, b.f64(1.5));
        b.putField(NEXT, p, p);
        Temp again = b.getField(NEXT, p);
        b.set(Fixture.R, b.getField(X, again));
        b.set(Fixture.F, b.getField(SCALE, again));
        b.set(Fixture.X, b.convert(b.instanceOf(POINT, p), Type.I64));
        b.set(Fixture.O, p);
        b.exit(b.i64(0), 0);
        Fixture f = new Fixture();
        f.run(b.build());
        assertEquals(-7, f.state.get(Fixture.R));
        assertEquals(1.5, Double.longBitsToDouble(f.state.get(Fixture.F)));
        assertEquals(1, f.state.get(Fixture.X), "a Point3 is a Point");
        assertEquals(POINT3, ((ManagedObject) f.state.getRef(Fixture.O)).type());
    }

    @Test
    void nullFieldAccessFaults() {
        RegionBuilder b = new RegionBuilder("null", 0x100);
        b.insn(0x100);
        b.getField(X, b.constantRef(null));
        b.exit(b.i64(0), 0);
        GuestFault f = faultOf(b.build());
        assertEquals(GuestFault.Kind.NULL_REFERENCE, f.kind());
        assertEquals(0x100, f.pc());
    }

    @Test
    void arrayIndexFaultCarriesIndexAndLength() {
        RegionBuilder b = new RegionBuilder("index", 0x100);
        Temp a = b.newArray(ArrayKind.U16, b.i32(3));
        b.arrayStore(ArrayKind.U16, a, b.i32(2), b.i32(-1));
        b.set(Fixture.R, b.arrayLoad(ArrayKind.U16, a, b.i32(2)));
        b.insn(0x104);
        b.arrayLoad(ArrayKind.U16, a, b.i32(3));
        b.exit(b.i64(0), 0);
        Region r = b.build();
        Fixture ok = Fixture.agree(r, f -> { });
        assertEquals(0xFFFF, ok.state.get(Fixture.R), "U16 elements are unsigned");
        GuestFault f = faultOf(r);
        assertEquals(GuestFault.Kind.ARRAY_INDEX, f.kind());
        assertEquals(3, f.address());
        assertEquals(3, f.code());
    }

    @Test
    void negativeArraySizeFaults() {
        RegionBuilder b = new RegionBuilder("negative", 0x100);
        b.newArray(ArrayKind.REF, b.i32(-2));
        b.exit(b.i64(0), 0);
        GuestFault f = faultOf(b.build());
        assertEquals(GuestFault.Kind.NEGATIVE_ARRAY_SIZE, f.kind());
        assertEquals(-2, f.code());
    }

    @Test
    void nullArrayFaultsBeforeBoundsCheck() {
        RegionBuilder b = new RegionBuilder("nullArray", 0x100);
        b.arrayStore(ArrayKind.I64, b.constantRef(null), b.i32(-1), b.i64(0));
        b.exit(b.i64(0), 0);
        assertEquals(GuestFault.Kind.NULL_REFERENCE, faultOf(b.build()).kind());
    }

    @Test
    void throwIsCaughtByHandlerBlock() {
        RegionBuilder b = new RegionBuilder("catch", 0x100);
        int handler = b.newBlock();
        b.handler(handler);
        Temp e = b.newObject(POINT);
        b.putField(X, e, b.i32(12));
        b.throwRef(e);
        b.switchTo(handler);
        b.set(Fixture.R, b.getField(X, b.caught()));
        b.exit(b.i64(0), 2);
        Fixture f = Fixture.agree(b.build(), x -> { });
        assertEquals(2, f.status);
        assertEquals(12, f.state.get(Fixture.R));
    }
}
