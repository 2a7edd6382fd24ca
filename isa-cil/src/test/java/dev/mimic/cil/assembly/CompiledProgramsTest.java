package dev.mimic.cil.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mimic.cil.body.ExceptionClause;
import dev.mimic.cil.body.MethodBody;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.signature.MethodSig;
import dev.mimic.cil.signature.Signature;
import dev.mimic.cil.signature.TypeSig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Programs compiled by mcs load with the entry point, bodies, clauses and signatures mcs wrote. */
class CompiledProgramsTest {

    @Test
    void fib_hasItsEntryPointAndATinyRecursiveBody() throws Exception {
        Assembly a = Assembly.load(CSharp.program("Fib"));
        MethodDefinition main = a.entryPoint().orElseThrow();
        assertEquals("Main", main.name());
        assertEquals("int32(string[])", main.signature().toString());
        TypeDefinition fib = a.findType("", "Fib").orElseThrow();
        MethodDefinition f = fib.method("F").orElseThrow();
        assertTrue(f.isStatic());
        assertEquals("int32(int32)", f.signature().toString());
        MethodBody body = f.body();
        assertEquals(List.of(), body.clauses());
        assertEquals(0x02, body.code()[0], "ldarg.0 first");
        assertEquals(0x2A, body.code()[body.code().length - 1], "ret last");
        assertEquals("mscorlib", a.references().get(0).name());
    }

    @Test
    void handlers_haveCatchFilterAndFinallyClausesInsideTheCode() throws Exception {
        Assembly a = Assembly.load(CSharp.program("Handlers"));
        TypeDefinition type = a.findType("", "Handlers").orElseThrow();
        MethodBody body = type.method("Guarded").orElseThrow().body();
        List<ExceptionClause.Kind> kinds = body.clauses().stream().map(ExceptionClause::kind).toList();
        assertTrue(kinds.containsAll(List.of(ExceptionClause.Kind.CATCH, ExceptionClause.Kind.FILTER,
                ExceptionClause.Kind.FINALLY)), kinds::toString);
        ExceptionClause catchClause = body.clauses().stream()
                .filter(c -> c.kind() == ExceptionClause.Kind.CATCH).findFirst().orElseThrow();
        assertEquals(Table.TYPE_REF, catchClause.catchType().table());
        assertEquals("InvalidOperationException",
                a.metadata().string(Table.TYPE_REF, catchClause.catchType().row(), 1));
        for (ExceptionClause c : body.clauses()) {
            assertTrue(c.handlerOffset() + c.handlerLength() <= body.code().length);
        }
    }

    @Test
    void handlers_genericsArraysAndLocalsDecode() throws Exception {
        Assembly a = Assembly.load(CSharp.program("Handlers"));
        TypeDefinition type = a.findType("", "Handlers").orElseThrow();
        MethodSig first = type.method("First").orElseThrow().signature();
        assertEquals(1, first.genericParameterCount());
        assertEquals(new TypeSig.GenericParam(true, 0), first.returnType());
        TypeSig.GenericInst list = (TypeSig.GenericInst) first.parameters().get(0);
        assertEquals(List.of(new TypeSig.GenericParam(true, 0)), list.arguments());
        assertEquals("List`1", a.metadata().string(Table.TYPE_REF, list.type().row(), 1));

        MethodBody main = type.method("Main").orElseThrow().body();
        List<TypeSig> locals = a.locals(main);
        assertTrue(locals.stream().anyMatch(t -> t instanceof TypeSig.MdArray md && md.rank() == 2), locals::toString);
        boolean methodSpec = false;
        for (int row = 1; row <= a.metadata().rowCount(Table.METHOD_SPEC); row++) {
            Signature.MethodSpecSig spec = a.methodSpec(row);
            methodSpec |= spec.arguments().equals(List.of(TypeSig.Primitive.STRING));
        }
        assertTrue(methodSpec, "First<string> is a MethodSpec");
        assertTrue(a.metadata().userStrings().size() > 0);
    }
}
