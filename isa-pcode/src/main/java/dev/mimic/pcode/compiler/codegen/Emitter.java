package dev.mimic.pcode.compiler.codegen;

import dev.mimic.pcode.compiler.semantic.Constant;
import dev.mimic.pcode.compiler.types.BooleanType;
import dev.mimic.pcode.compiler.types.CharType;
import dev.mimic.pcode.compiler.types.ErrorType;
import dev.mimic.pcode.compiler.types.IntegerType;
import dev.mimic.pcode.compiler.types.OrdinalType;
import dev.mimic.pcode.compiler.types.PascalType;
import dev.mimic.pcode.compiler.types.PointerType;
import dev.mimic.pcode.compiler.types.RealType;
import dev.mimic.pcode.compiler.types.SetType;
import dev.mimic.pcode.compiler.types.Target;
import dev.mimic.pcode.compiler.types.Types;

/**
 * Turns operands into code for the block being compiled: loads, address loads, stores and
 * range checks (pcom: load, loadaddress, store, checkbnds). Globals (level 1) are reached by
 * absolute address, everything else through the static chain, {@code level - owner} links up.
 */
public final class Emitter {
    private final PcodeWriter writer;
    private int level;

    public Emitter(PcodeWriter writer) {
        this.writer = writer;
    }

    /** The static level of the block whose code is being written. */
    public int level() {
        return level;
    }

    public void setLevel(int level) {
        this.level = level;
    }

    /** Puts the operand's value on the stack; subranges become their host type. */
    public void load(Operand operand) {
        PascalType type = operand.type();
        switch (operand.kind()) {
            case CONSTANT -> loadConstant(type, operand.constant());
            case VARIABLE -> {
                char code = TypeCodes.of(type);
                if (!operand.isDirect()) {
                    writer.typed("ind", code, operand.offset());
                } else if (operand.level() <= 1) {
                    writer.typed("ldo", code, operand.offset());
                } else {
                    writer.typed("lod", code, level - operand.level(), operand.offset());
                }
            }
            case VALUE -> {
                return;
            }
        }
        operand.becomeValue(Types.base(type));
    }

    /** Loads a structured operand's address and anything else's value (parameters, operands). */
    public void loadValueOrAddress(Operand operand) {
        if (isStructured(operand.type())) {
            loadAddress(operand);
        } else {
            load(operand);
        }
    }

    /**
     * Puts the variable's address (or a string constant's) on the stack. Any other operand is
     * a type error its caller reports; its value is loaded in place of an address.
     */
    public void loadAddress(Operand operand) {
        if (operand.isConstant() && !(operand.constant() instanceof Constant.Text)) {
            load(operand);
            return;
        }
        if (operand.isConstant()) {
            writer.loadString(((Constant.Text) operand.constant()).value());
        } else if (operand.isVariable()) {
            if (!operand.isDirect()) {
                if (operand.offset() != 0) {
                    writer.typed("inc", 'a', operand.offset());
                }
            } else if (operand.level() <= 1) {
                writer.withOperand("lao", operand.offset());
            } else {
                writer.withOperands("lda", level - operand.level(), operand.offset());
            }
        }
        operand.becomeAddressed();
    }

    /** Stores the value on top of the stack into the variable (below it, if indirect). */
    public void store(Operand target) {
        char code = TypeCodes.of(target.type());
        if (!target.isDirect()) {
            writer.typed("sto", code);
        } else if (target.level() <= 1) {
            writer.typed("sro", code, target.offset());
        } else {
            writer.typed("str", code, level - target.level(), target.offset());
        }
    }

    /**
     * Checks the value on the stack against the bounds of {@code type} (pcom: checkbnds):
     * ordinals other than integer, and the members of sets.
     */
    public void checkBounds(PascalType type) {
        PascalType bounded = type instanceof SetType s ? s.base() : type;
        if (bounded instanceof OrdinalType o && !(o instanceof IntegerType)) {
            writer.typed("chk", TypeCodes.of(type), (int) o.min(), (int) o.max());
        }
    }

    /** Whether values of the type move by address: arrays, records (and files). */
    public static boolean isStructured(PascalType type) {
        return !(type instanceof OrdinalType || type instanceof RealType || type instanceof SetType
                || type instanceof PointerType || type instanceof ErrorType);
    }

    private void loadConstant(PascalType type, Constant value) {
        switch (value) {
            case Constant.Ordinal o when type == PointerType.NIL -> writer.loadNil();
            case Constant.Ordinal o when Types.base(type) instanceof BooleanType -> writer.loadBoolean(o.value() != 0);
            case Constant.Ordinal o when Types.base(type) instanceof CharType -> writer.loadChar((int) o.value());
            case Constant.Ordinal o -> writer.loadInteger(o.value());
            case Constant.Real r -> writer.loadReal(r.text());
            case Constant.SetValue s -> writer.loadSet(s.members());
            case Constant.Text t -> writer.loadString(t.value());
        }
    }

    /** Pops {@code bytes} off the stack (the file argument of read and write). */
    public void discard(int bytes) {
        writer.withOperand("dmp", bytes);
    }

    /** The stack bytes of a value of the type: at least one element (pcom: alignu(parmptr)). */
    public static int stackSize(PascalType type) {
        return Target.alignUp(type.size(), Target.STACK_ELEMENT);
    }
}
