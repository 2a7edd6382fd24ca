package dev.mimic.forth.decode;

import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.forth.dictionary.Dictionary;
import dev.mimic.forth.layout.MemoryMap;
import dev.mimic.forth.runtime.Arithmetic;
import dev.mimic.forth.runtime.Bytes;
import dev.mimic.forth.runtime.Console;
import dev.mimic.forth.runtime.FileWords;
import dev.mimic.forth.runtime.FloatMath;
import dev.mimic.forth.runtime.FloatText;
import dev.mimic.forth.runtime.Heap;
import dev.mimic.forth.runtime.StopCode;
import dev.mimic.forth.text.Interpreter;

import static dev.mimic.backend.ir.Effect.MAY_FAULT;
import static dev.mimic.backend.ir.Effect.READS_STATE;
import static dev.mimic.backend.ir.Effect.TOUCHES_MEMORY;
import static dev.mimic.backend.ir.Effect.WRITES_STATE;
import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * The IR semantics of every instruction of {@code forth.isa}, one method per instruction named
 * after it (the spec's {@code emit}). Stack shuffles, arithmetic, memory access and control flow
 * are IR; double-cell division, floating-point functions, text interpretation and I/O call static
 * Java helpers (the {@code dev.mimic.forth.runtime} classes), declared here with their effects.
 */
final class Primitives {
    private Primitives() {
    }

    private static final Effect[] STACKS = {READS_STATE, WRITES_STATE, TOUCHES_MEMORY, MAY_FAULT};

    private static Helper pure(Class<?> owner, String name) {
        return Helper.of(owner, name);
    }

    private static Helper faulting(Class<?> owner, String name) {
        return Helper.of(owner, name, MAY_FAULT);
    }

    private static Helper memory(Class<?> owner, String name) {
        return Helper.of(owner, name, TOUCHES_MEMORY, MAY_FAULT);
    }

    private static Helper stacks(Class<?> owner, String name) {
        return Helper.of(owner, name, STACKS);
    }

    /**
     * Emits the IR of the instruction whose emitter (the spec's {@code emit} key) is {@code name}.
     * A switch rather than a method handle per instruction: invoking a few hundred handles makes a
     * cold JVM generate about a hundred LambdaForm classes, a noticeable part of start-up.
     *
     * @return false when there is no such emitter
     */
    static boolean emit(String name, Emitter e) {
        switch (name) {
            case "docol" -> docol(e);
            case "dovar" -> dovar(e);
            case "docon" -> docon(e);
            case "dodefer" -> dodefer(e);
            case "dodoes" -> dodoes(e);
            case "do2value" -> do2value(e);
            case "dofvalue" -> dofvalue(e);
            case "lit" -> lit(e);
            case "flit" -> flit(e);
            case "branch" -> branch(e);
            case "qbranch" -> qbranch(e);
            case "exit" -> exit(e);
            case "execute" -> execute(e);
            case "do_" -> do_(e);
            case "qdo" -> qdo(e);
            case "loop" -> loop(e);
            case "plusloop" -> plusloop(e);
            case "unloop" -> unloop(e);
            case "i" -> i(e);
            case "j" -> j(e);
            case "does" -> does(e);
            case "slit" -> slit(e);
            case "clit" -> clit(e);
            case "halt" -> halt(e);
            case "bye_code" -> bye_code(e);
            case "dup" -> dup(e);
            case "drop" -> drop(e);
            case "swap" -> swap(e);
            case "over" -> over(e);
            case "rot" -> rot(e);
            case "minus_rot" -> minus_rot(e);
            case "nip" -> nip(e);
            case "tuck" -> tuck(e);
            case "question_dup" -> question_dup(e);
            case "pick" -> pick(e);
            case "two_dup" -> two_dup(e);
            case "two_drop" -> two_drop(e);
            case "two_swap" -> two_swap(e);
            case "two_over" -> two_over(e);
            case "to_r" -> to_r(e);
            case "r_from" -> r_from(e);
            case "r_fetch" -> r_fetch(e);
            case "rdrop" -> rdrop(e);
            case "two_to_r" -> two_to_r(e);
            case "two_r_from" -> two_r_from(e);
            case "two_r_fetch" -> two_r_fetch(e);
            case "sp_fetch" -> sp_fetch(e);
            case "sp_store" -> sp_store(e);
            case "rp_fetch" -> rp_fetch(e);
            case "rp_store" -> rp_store(e);
            case "depth" -> depth(e);
            case "plus" -> plus(e);
            case "minus" -> minus(e);
            case "star" -> star(e);
            case "slash" -> slash(e);
            case "mod" -> mod(e);
            case "slash_mod" -> slash_mod(e);
            case "negate" -> negate(e);
            case "abs" -> abs(e);
            case "min" -> min(e);
            case "max" -> max(e);
            case "one_plus" -> one_plus(e);
            case "one_minus" -> one_minus(e);
            case "two_star" -> two_star(e);
            case "two_slash" -> two_slash(e);
            case "and" -> and(e);
            case "or" -> or(e);
            case "xor" -> xor(e);
            case "invert" -> invert(e);
            case "lshift" -> lshift(e);
            case "rshift" -> rshift(e);
            case "cell_plus" -> cell_plus(e);
            case "cells" -> cells(e);
            case "char_plus" -> char_plus(e);
            case "chars" -> chars(e);
            case "aligned" -> aligned(e);
            case "star_slash" -> star_slash(e);
            case "star_slash_mod" -> star_slash_mod(e);
            case "within" -> within(e);
            case "um_star" -> um_star(e);
            case "m_star" -> m_star(e);
            case "um_slash_mod" -> um_slash_mod(e);
            case "sm_slash_rem" -> sm_slash_rem(e);
            case "fm_slash_mod" -> fm_slash_mod(e);
            case "s_to_d" -> s_to_d(e);
            case "d_plus" -> d_plus(e);
            case "m_plus" -> m_plus(e);
            case "d_minus" -> d_minus(e);
            case "dnegate" -> dnegate(e);
            case "d_two_star" -> d_two_star(e);
            case "d_two_slash" -> d_two_slash(e);
            case "m_star_slash" -> m_star_slash(e);
            case "ud_slash_mod" -> ud_slash_mod(e);
            case "equals" -> equals(e);
            case "not_equals" -> not_equals(e);
            case "less" -> less(e);
            case "greater" -> greater(e);
            case "u_less" -> u_less(e);
            case "u_greater" -> u_greater(e);
            case "zero_equals" -> zero_equals(e);
            case "zero_not_equals" -> zero_not_equals(e);
            case "zero_less" -> zero_less(e);
            case "zero_greater" -> zero_greater(e);
            case "d_equals" -> d_equals(e);
            case "d_less" -> d_less(e);
            case "du_less" -> du_less(e);
            case "d_zero_equals" -> d_zero_equals(e);
            case "d_zero_less" -> d_zero_less(e);
            case "fetch" -> fetch(e);
            case "store" -> store(e);
            case "c_fetch" -> c_fetch(e);
            case "c_store" -> c_store(e);
            case "w_fetch" -> w_fetch(e);
            case "w_store" -> w_store(e);
            case "l_fetch" -> l_fetch(e);
            case "l_store" -> l_store(e);
            case "plus_store" -> plus_store(e);
            case "two_fetch" -> two_fetch(e);
            case "two_store" -> two_store(e);
            case "move" -> move(e);
            case "cmove" -> cmove(e);
            case "cmove_up" -> cmove_up(e);
            case "fill" -> fill(e);
            case "compare" -> compare(e);
            case "search" -> search(e);
            case "allocate" -> allocate(e);
            case "free" -> free(e);
            case "resize" -> resize(e);
            case "allot" -> allot(e);
            case "f_plus" -> f_plus(e);
            case "f_minus" -> f_minus(e);
            case "f_star" -> f_star(e);
            case "f_slash" -> f_slash(e);
            case "fnegate" -> fnegate(e);
            case "fabs" -> fabs(e);
            case "fmax" -> fmax(e);
            case "fmin" -> fmin(e);
            case "fsqrt" -> fsqrt(e);
            case "floor" -> floor(e);
            case "fround" -> fround(e);
            case "ftrunc" -> ftrunc(e);
            case "f_zero_equals" -> f_zero_equals(e);
            case "f_zero_less" -> f_zero_less(e);
            case "f_equals" -> f_equals(e);
            case "f_less" -> f_less(e);
            case "fdup" -> fdup(e);
            case "fdrop" -> fdrop(e);
            case "fswap" -> fswap(e);
            case "fover" -> fover(e);
            case "frot" -> frot(e);
            case "fnip" -> fnip(e);
            case "ftuck" -> ftuck(e);
            case "f_fetch" -> f_fetch(e);
            case "f_store" -> f_store(e);
            case "sf_fetch" -> sf_fetch(e);
            case "sf_store" -> sf_store(e);
            case "s_to_f" -> s_to_f(e);
            case "f_to_s" -> f_to_s(e);
            case "d_to_f" -> d_to_f(e);
            case "f_to_d" -> f_to_d(e);
            case "fdepth" -> fdepth(e);
            case "fp_fetch" -> fp_fetch(e);
            case "fp_store" -> fp_store(e);
            case "f_star_star" -> f_star_star(e);
            case "fexp" -> fexp(e);
            case "fexpm1" -> fexpm1(e);
            case "fln" -> fln(e);
            case "flnp1" -> flnp1(e);
            case "flog" -> flog(e);
            case "falog" -> falog(e);
            case "fsin" -> fsin(e);
            case "fcos" -> fcos(e);
            case "ftan" -> ftan(e);
            case "fasin" -> fasin(e);
            case "facos" -> facos(e);
            case "fatan" -> fatan(e);
            case "fatan2" -> fatan2(e);
            case "fsinh" -> fsinh(e);
            case "fcosh" -> fcosh(e);
            case "ftanh" -> ftanh(e);
            case "fasinh" -> fasinh(e);
            case "facosh" -> facosh(e);
            case "fatanh" -> fatanh(e);
            case "fsincos" -> fsincos(e);
            case "f_proximate" -> f_proximate(e);
            case "represent" -> represent(e);
            case "to_float" -> to_float(e);
            case "parse_name" -> parse_name(e);
            case "parse" -> parse(e);
            case "word" -> word(e);
            case "find_name" -> find_name(e);
            case "search_wordlist" -> search_wordlist(e);
            case "header" -> header(e);
            case "number_query" -> number_query(e);
            case "to_number" -> to_number(e);
            case "float_literal" -> float_literal(e);
            case "refill" -> refill(e);
            case "evaluate_source" -> evaluate_source(e);
            case "include_source" -> include_source(e);
            case "fileid_source" -> fileid_source(e);
            case "pop_source" -> pop_source(e);
            case "capture_error" -> capture_error(e);
            case "report_error" -> report_error(e);
            case "rethrowing" -> rethrowing(e);
            case "abort_message" -> abort_message(e);
            case "save_input" -> save_input(e);
            case "restore_input" -> restore_input(e);
            case "included_query" -> included_query(e);
            case "reset_sources" -> reset_sources(e);
            case "words" -> words(e);
            case "see" -> see(e);
            case "next_argument" -> next_argument(e);
            case "emit" -> emit(e);
            case "type" -> type(e);
            case "key" -> key(e);
            case "key_query" -> key_query(e);
            case "accept" -> accept(e);
            case "ms" -> ms(e);
            case "time_date" -> time_date(e);
            case "utime" -> utime(e);
            case "open_file" -> open_file(e);
            case "create_file" -> create_file(e);
            case "close_file" -> close_file(e);
            case "read_file" -> read_file(e);
            case "read_line" -> read_line(e);
            case "write_file" -> write_file(e);
            case "write_line" -> write_line(e);
            case "file_position" -> file_position(e);
            case "reposition_file" -> reposition_file(e);
            case "file_size" -> file_size(e);
            case "resize_file" -> resize_file(e);
            case "delete_file" -> delete_file(e);
            case "rename_file" -> rename_file(e);
            case "flush_file" -> flush_file(e);
            case "file_status" -> file_status(e);
            default -> {
                return false;
            }
        }
        return true;
    }

    // ---- code fields ----

    static void docol(Emitter e) {
        e.call(e.xt() + Dictionary.BODY);
    }

    static void dovar(Emitter e) {
        e.push(e.cell(e.xt() + Dictionary.BODY));
    }

    static void docon(Emitter e) {
        e.push(e.fetch(e.cell(e.xt() + Dictionary.BODY)));
    }

    static void dodefer(Emitter e) {
        e.execute(e.fetch(e.cell(e.xt() + Dictionary.BODY)));
    }

    static void dodoes(Emitter e) {
        e.push(e.cell(e.xt() + Dictionary.BODY));
        e.call(e.cellAt(e.xt() + CELL));
    }

    static void do2value(Emitter e) {
        long body = e.xt() + Dictionary.BODY;
        e.push(e.fetch(e.cell(body + CELL)));
        e.push(e.fetch(e.cell(body)));
    }

    static void dofvalue(Emitter e) {
        e.fpush(e.b.load(MemoryAccess.W64, Type.F64, e.cell(e.xt() + Dictionary.BODY)));
    }

    // ---- threading ----

    static void lit(Emitter e) {
        e.push(e.cell(e.operand(0)));
    }

    static void flit(Emitter e) {
        e.fpush(e.b.constant(Type.F64, e.operand(0)));
    }

    static void branch(Emitter e) {
        e.jump(e.operand(0));
    }

    static void qbranch(Emitter e) {
        Temp flag = e.pop();
        e.branch(e.b.binary(Op.EQ, flag, e.cell(0)), e.operand(0), null, e.next(), null);
    }

    static void exit(Emitter e) {
        e.ret();
    }

    static void execute(Emitter e) {
        e.execute(e.pop());
    }

    static void do_(Emitter e) {
        Temp index = e.pop();
        e.rpush(e.pop());
        e.rpush(index);
    }

    static void qdo(Emitter e) {
        Temp index = e.pop();
        Temp limit = e.pop();
        e.branch(e.b.binary(Op.EQ, limit, index), e.operand(0), null, e.next(), () -> {
            e.rpush(limit);
            e.rpush(index);
        });
    }

    static void loop(Emitter e) {
        Temp index = e.b.add(e.rpop(), e.cell(1));
        Temp again = e.b.binary(Op.NE, index, e.rpeek(0));
        e.rpush(index);
        e.branch(again, e.operand(0), null, e.next(), () -> e.returns.drop(2));
    }

    /** Forth-2012 6.1.0140: the loop ends when the index crosses the boundary between limit-1 and limit. */
    static void plusloop(Emitter e) {
        Temp step = e.pop();
        Temp index = e.rpop();
        Temp before = e.b.sub(index, e.rpeek(0));
        Temp crossed = e.b.binary(Op.XOR, before, e.b.add(before, step));
        Temp against = e.b.binary(Op.XOR, before, step);
        Temp again = e.b.binary(Op.LE, e.cell(0), e.b.and(crossed, against));
        e.rpush(e.b.add(index, step));
        e.branch(again, e.operand(0), null, e.next(), () -> e.returns.drop(2));
    }

    static void unloop(Emitter e) {
        e.returns.drop(2);
    }

    static void i(Emitter e) {
        e.push(e.rpeek(0));
    }

    static void j(Emitter e) {
        e.push(e.rpeek(2));
    }

    private static final Helper DOES = memory(Interpreter.class, "does");

    static void does(Emitter e) {
        e.call(DOES, e.cell(e.next()));
        e.ret();
    }

    static void slit(Emitter e) {
        e.push(e.cell(e.operand(0) + CELL));
        e.push(e.cell(e.cellAt(e.operand(0))));
    }

    static void clit(Emitter e) {
        e.push(e.cell(e.operand(0)));
    }

    static void halt(Emitter e) {
        e.stop(StopCode.HALT);
    }

    static void bye_code(Emitter e) {
        e.stop(StopCode.BYE);
    }

    // ---- stack ----

    static void dup(Emitter e) {
        e.push(e.peek(0));
    }

    static void drop(Emitter e) {
        e.data.drop(1);
    }

    static void swap(Emitter e) {
        Temp x2 = e.pop();
        Temp x1 = e.pop();
        e.push(x2);
        e.push(x1);
    }

    static void over(Emitter e) {
        e.push(e.peek(1));
    }

    static void rot(Emitter e) {
        Temp x3 = e.pop();
        Temp x2 = e.pop();
        Temp x1 = e.pop();
        e.push(x2);
        e.push(x3);
        e.push(x1);
    }

    static void minus_rot(Emitter e) {
        Temp x3 = e.pop();
        Temp x2 = e.pop();
        Temp x1 = e.pop();
        e.push(x3);
        e.push(x1);
        e.push(x2);
    }

    static void nip(Emitter e) {
        Temp x2 = e.pop();
        e.data.drop(1);
        e.push(x2);
    }

    static void tuck(Emitter e) {
        Temp x2 = e.pop();
        Temp x1 = e.pop();
        e.push(x2);
        e.push(x1);
        e.push(x2);
    }

    /** The stack depth depends on x, so the store and the pointer are computed, not held in temporaries. */
    static void question_dup(Emitter e) {
        Temp x = e.peek(0);
        e.data.sync();
        Temp top = e.data.current();
        Temp below = e.b.sub(top, e.cell(CELL));
        e.b.store(MemoryAccess.W64, below, x);
        e.data.setPointer(e.b.select(e.b.binary(Op.NE, x, e.cell(0)), below, top));
    }

    static void pick(Emitter e) {
        Temp u = e.pop();
        e.data.sync();
        Temp at = e.b.add(e.data.current(), e.b.binary(Op.SHL, u, e.cell(3)));
        e.push(e.fetch(at));
    }

    static void two_dup(Emitter e) {
        Temp x1 = e.peek(1);
        Temp x2 = e.peek(0);
        e.push(x1);
        e.push(x2);
    }

    static void two_drop(Emitter e) {
        e.data.drop(2);
    }

    static void two_swap(Emitter e) {
        Temp x4 = e.pop();
        Temp x3 = e.pop();
        Temp x2 = e.pop();
        Temp x1 = e.pop();
        e.push(x3);
        e.push(x4);
        e.push(x1);
        e.push(x2);
    }

    static void two_over(Emitter e) {
        Temp x1 = e.peek(3);
        Temp x2 = e.peek(2);
        e.push(x1);
        e.push(x2);
    }

    static void to_r(Emitter e) {
        e.rpush(e.pop());
    }

    static void r_from(Emitter e) {
        e.push(e.rpop());
    }

    static void r_fetch(Emitter e) {
        e.push(e.rpeek(0));
    }

    static void rdrop(Emitter e) {
        e.returns.drop(1);
    }

    static void two_to_r(Emitter e) {
        Temp x2 = e.pop();
        e.rpush(e.pop());
        e.rpush(x2);
    }

    static void two_r_from(Emitter e) {
        Temp x2 = e.rpop();
        e.push(e.rpop());
        e.push(x2);
    }

    static void two_r_fetch(Emitter e) {
        e.push(e.rpeek(1));
        e.push(e.rpeek(0));
    }

    static void sp_fetch(Emitter e) {
        e.data.sync();
        e.push(e.data.current());
    }

    static void sp_store(Emitter e) {
        e.data.setPointer(e.pop());
    }

    static void rp_fetch(Emitter e) {
        e.returns.sync();
        e.push(e.returns.current());
    }

    static void rp_store(Emitter e) {
        e.returns.setPointer(e.pop());
    }

    static void depth(Emitter e) {
        e.push(e.b.binary(Op.SAR, e.b.sub(e.cell(MemoryMap.S0), e.data.current()), e.cell(3)));
    }

    // ---- integer arithmetic ----

    private static final Helper FLOOR_DIV = faulting(Arithmetic.class, "floorDiv");
    private static final Helper FLOOR_MOD = faulting(Arithmetic.class, "floorMod");
    private static final Helper STAR_SLASH = faulting(Arithmetic.class, "starSlash");

    static void plus(Emitter e) {
        e.binary(Op.ADD);
    }

    static void minus(Emitter e) {
        e.binary(Op.SUB);
    }

    static void star(Emitter e) {
        e.binary(Op.MUL);
    }

    static void slash(Emitter e) {
        e.callPopping(FLOOR_DIV);
    }

    static void mod(Emitter e) {
        e.callPopping(FLOOR_MOD);
    }

    static void slash_mod(Emitter e) {
        Temp n2 = e.pop();
        Temp n1 = e.pop();
        Temp q = e.b.helper(FLOOR_DIV, n1, n2);
        e.push(e.b.sub(n1, e.b.mul(q, n2)));
        e.push(q);
    }

    static void negate(Emitter e) {
        e.push(e.b.unary(Op.NEG, e.pop()));
    }

    static void abs(Emitter e) {
        Temp n = e.pop();
        e.push(e.b.select(e.b.binary(Op.LT, n, e.cell(0)), e.b.unary(Op.NEG, n), n));
    }

    static void min(Emitter e) {
        Temp n2 = e.pop();
        Temp n1 = e.pop();
        e.push(e.b.select(e.b.binary(Op.LT, n1, n2), n1, n2));
    }

    static void max(Emitter e) {
        Temp n2 = e.pop();
        Temp n1 = e.pop();
        e.push(e.b.select(e.b.binary(Op.LT, n1, n2), n2, n1));
    }

    static void one_plus(Emitter e) {
        e.push(e.plus(e.pop(), 1));
    }

    static void one_minus(Emitter e) {
        e.push(e.plus(e.pop(), -1));
    }

    static void two_star(Emitter e) {
        e.push(e.b.binary(Op.SHL, e.pop(), e.cell(1)));
    }

    static void two_slash(Emitter e) {
        e.push(e.b.binary(Op.SAR, e.pop(), e.cell(1)));
    }

    static void and(Emitter e) {
        e.binary(Op.AND);
    }

    static void or(Emitter e) {
        e.binary(Op.OR);
    }

    static void xor(Emitter e) {
        e.binary(Op.XOR);
    }

    static void invert(Emitter e) {
        e.push(e.b.unary(Op.NOT, e.pop()));
    }

    static void lshift(Emitter e) {
        e.binary(Op.SHL);
    }

    static void rshift(Emitter e) {
        e.binary(Op.SHR);
    }

    static void cell_plus(Emitter e) {
        e.push(e.plus(e.pop(), CELL));
    }

    static void cells(Emitter e) {
        e.push(e.b.binary(Op.SHL, e.pop(), e.cell(3)));
    }

    static void char_plus(Emitter e) {
        e.push(e.plus(e.pop(), 1));
    }

    static void chars(Emitter e) {
        // One character is one address unit.
    }

    static void aligned(Emitter e) {
        e.push(e.b.and(e.plus(e.pop(), CELL - 1), e.cell(-CELL)));
    }

    static void star_slash(Emitter e) {
        e.callPopping(STAR_SLASH);
    }

    /** The remainder is exact in 64 bits: n1*n2 = q*n3 + r with |r| &lt; |n3|. */
    static void star_slash_mod(Emitter e) {
        Temp n3 = e.pop();
        Temp n2 = e.pop();
        Temp n1 = e.pop();
        Temp q = e.b.helper(STAR_SLASH, n1, n2, n3);
        e.push(e.b.sub(e.b.mul(n1, n2), e.b.mul(q, n3)));
        e.push(q);
    }

    static void within(Emitter e) {
        Temp n3 = e.pop();
        Temp n2 = e.pop();
        Temp n1 = e.pop();
        e.push(e.flag(e.b.binary(Op.LTU, e.b.sub(n1, n2), e.b.sub(n3, n2))));
    }

    // ---- double-cell arithmetic (a double is low cell, then high cell on top) ----

    private static final Helper UMUL_HIGH = pure(Arithmetic.class, "unsignedMultiplyHigh");
    private static final Helper MUL_HIGH = pure(Arithmetic.class, "multiplyHigh");
    private static final Helper UM_DIV = faulting(Arithmetic.class, "umDivide");
    private static final Helper SM_DIV = faulting(Arithmetic.class, "smDivide");
    private static final Helper FM_DIV = faulting(Arithmetic.class, "fmDivide");
    private static final Helper M_STAR_SLASH = stacks(Arithmetic.class, "mStarSlash");

    static void um_star(Emitter e) {
        Temp u2 = e.pop();
        Temp u1 = e.pop();
        e.push(e.b.mul(u1, u2));
        e.push(e.b.helper(UMUL_HIGH, u1, u2));
    }

    static void m_star(Emitter e) {
        Temp n2 = e.pop();
        Temp n1 = e.pop();
        e.push(e.b.mul(n1, n2));
        e.push(e.b.helper(MUL_HIGH, n1, n2));
    }

    static void um_slash_mod(Emitter e) {
        divide(e, UM_DIV);
    }

    static void sm_slash_rem(Emitter e) {
        divide(e, SM_DIV);
    }

    static void fm_slash_mod(Emitter e) {
        divide(e, FM_DIV);
    }

    /** ( lo hi d -- r q ): the helper finds q; r = lo - q*d is exact because r fits a cell. */
    private static void divide(Emitter e, Helper quotient) {
        Temp d = e.pop();
        Temp hi = e.pop();
        Temp lo = e.pop();
        Temp q = e.b.helper(quotient, hi, lo, d);
        e.push(e.b.sub(lo, e.b.mul(q, d)));
        e.push(q);
    }

    static void s_to_d(Emitter e) {
        e.push(e.b.binary(Op.SAR, e.peek(0), e.cell(63)));
    }

    static void d_plus(Emitter e) {
        Temp bh = e.pop();
        Temp bl = e.pop();
        addDouble(e, bl, bh);
    }

    static void m_plus(Emitter e) {
        Temp n = e.pop();
        addDouble(e, n, e.b.binary(Op.SAR, n, e.cell(63)));
    }

    private static void addDouble(Emitter e, Temp bl, Temp bh) {
        Temp ah = e.pop();
        Temp al = e.pop();
        Temp lo = e.b.add(al, bl);
        Temp carry = e.b.convert(e.b.binary(Op.LTU, lo, al), Type.I64);
        e.push(lo);
        e.push(e.b.add(e.b.add(ah, bh), carry));
    }

    static void d_minus(Emitter e) {
        Temp bh = e.pop();
        Temp bl = e.pop();
        Temp ah = e.pop();
        Temp al = e.pop();
        Temp borrow = e.b.convert(e.b.binary(Op.LTU, al, bl), Type.I64);
        e.push(e.b.sub(al, bl));
        e.push(e.b.sub(e.b.sub(ah, bh), borrow));
    }

    static void dnegate(Emitter e) {
        Temp hi = e.pop();
        Temp lo = e.pop();
        Temp carry = e.b.convert(e.b.binary(Op.EQ, lo, e.cell(0)), Type.I64);
        e.push(e.b.unary(Op.NEG, lo));
        e.push(e.b.add(e.b.unary(Op.NOT, hi), carry));
    }

    static void d_two_star(Emitter e) {
        Temp hi = e.pop();
        Temp lo = e.pop();
        e.push(e.b.binary(Op.SHL, lo, e.cell(1)));
        e.push(e.b.binary(Op.OR, e.b.binary(Op.SHL, hi, e.cell(1)), e.b.binary(Op.SHR, lo, e.cell(63))));
    }

    static void d_two_slash(Emitter e) {
        Temp hi = e.pop();
        Temp lo = e.pop();
        e.push(e.b.binary(Op.OR, e.b.binary(Op.SHR, lo, e.cell(1)), e.b.binary(Op.SHL, hi, e.cell(63))));
        e.push(e.b.binary(Op.SAR, hi, e.cell(1)));
    }

    static void m_star_slash(Emitter e) {
        e.stackHelper(M_STAR_SLASH);
    }

    /** ( lo hi u -- r qlo qhi ): divide the high cell first, then the remainder with the low cell. */
    static void ud_slash_mod(Emitter e) {
        Temp u = e.pop();
        Temp hi = e.pop();
        Temp lo = e.pop();
        Temp qhi = e.b.binary(Op.DIVU, hi, u);
        Temp qlo = e.b.helper(UM_DIV, e.b.binary(Op.REMU, hi, u), lo, u);
        e.push(e.b.sub(lo, e.b.mul(qlo, u)));
        e.push(qlo);
        e.push(qhi);
    }

    // ---- comparison ----

    static void equals(Emitter e) {
        e.compare(Op.EQ);
    }

    static void not_equals(Emitter e) {
        e.compare(Op.NE);
    }

    static void less(Emitter e) {
        e.compare(Op.LT);
    }

    static void greater(Emitter e) {
        e.compareSwapped(Op.LT);
    }

    static void u_less(Emitter e) {
        e.compare(Op.LTU);
    }

    static void u_greater(Emitter e) {
        e.compareSwapped(Op.LTU);
    }

    static void zero_equals(Emitter e) {
        e.push(e.flag(e.b.binary(Op.EQ, e.pop(), e.cell(0))));
    }

    static void zero_not_equals(Emitter e) {
        e.push(e.flag(e.b.binary(Op.NE, e.pop(), e.cell(0))));
    }

    static void zero_less(Emitter e) {
        e.push(e.flag(e.b.binary(Op.LT, e.pop(), e.cell(0))));
    }

    static void zero_greater(Emitter e) {
        e.push(e.flag(e.b.binary(Op.LT, e.cell(0), e.pop())));
    }

    static void d_equals(Emitter e) {
        Temp bh = e.pop();
        Temp bl = e.pop();
        Temp ah = e.pop();
        Temp al = e.pop();
        Temp differ = e.b.binary(Op.OR, e.b.binary(Op.XOR, al, bl), e.b.binary(Op.XOR, ah, bh));
        e.push(e.flag(e.b.binary(Op.EQ, differ, e.cell(0))));
    }

    static void d_less(Emitter e) {
        doubleLess(e, Op.LT);
    }

    static void du_less(Emitter e) {
        doubleLess(e, Op.LTU);
    }

    /** The high cells decide (compared with {@code high}), or the low cells unsigned when they are equal. */
    private static void doubleLess(Emitter e, Op high) {
        Temp bh = e.pop();
        Temp bl = e.pop();
        Temp ah = e.pop();
        Temp al = e.pop();
        Temp less = e.b.select(e.b.binary(Op.EQ, ah, bh), e.b.binary(Op.LTU, al, bl), e.b.binary(high, ah, bh));
        e.push(e.flag(less));
    }

    static void d_zero_equals(Emitter e) {
        Temp hi = e.pop();
        e.push(e.flag(e.b.binary(Op.EQ, e.b.binary(Op.OR, e.pop(), hi), e.cell(0))));
    }

    static void d_zero_less(Emitter e) {
        Temp hi = e.pop();
        e.data.drop(1);
        e.push(e.flag(e.b.binary(Op.LT, hi, e.cell(0))));
    }

    // ---- memory ----

    private static final Helper MOVE = memory(Bytes.class, "move");
    private static final Helper CMOVE = memory(Bytes.class, "cmove");
    private static final Helper CMOVE_UP = memory(Bytes.class, "cmoveUp");
    private static final Helper FILL = memory(Bytes.class, "fill");
    private static final Helper COMPARE = memory(Bytes.class, "compare");
    private static final Helper SEARCH = memory(Bytes.class, "search");
    private static final Helper ALLOCATE = stacks(Heap.class, "allocate");
    private static final Helper FREE = stacks(Heap.class, "free");
    private static final Helper RESIZE = stacks(Heap.class, "resize");

    static void fetch(Emitter e) {
        e.push(e.fetch(e.pop()));
    }

    static void store(Emitter e) {
        Temp at = e.pop();
        e.b.store(MemoryAccess.W64, at, e.pop());
    }

    static void c_fetch(Emitter e) {
        narrowFetch(e, MemoryAccess.U8);
    }

    static void c_store(Emitter e) {
        narrowStore(e, MemoryAccess.U8);
    }

    static void w_fetch(Emitter e) {
        narrowFetch(e, MemoryAccess.U16);
    }

    static void w_store(Emitter e) {
        narrowStore(e, MemoryAccess.U16);
    }

    static void l_fetch(Emitter e) {
        narrowFetch(e, MemoryAccess.U32);
    }

    static void l_store(Emitter e) {
        narrowStore(e, MemoryAccess.U32);
    }

    private static void narrowFetch(Emitter e, MemoryAccess access) {
        e.push(e.b.load(access, Type.I64, e.pop()));
    }

    private static void narrowStore(Emitter e, MemoryAccess access) {
        Temp at = e.pop();
        e.b.store(access, at, e.pop());
    }

    static void plus_store(Emitter e) {
        Temp at = e.pop();
        Temp n = e.pop();
        e.b.store(MemoryAccess.W64, at, e.b.add(e.fetch(at), n));
    }

    static void two_fetch(Emitter e) {
        Temp at = e.pop();
        e.push(e.fetch(e.plus(at, CELL)));
        e.push(e.fetch(at));
    }

    static void two_store(Emitter e) {
        Temp at = e.pop();
        Temp x2 = e.pop();
        Temp x1 = e.pop();
        e.b.store(MemoryAccess.W64, at, x2);
        e.b.store(MemoryAccess.W64, e.plus(at, CELL), x1);
    }

    static void move(Emitter e) {
        e.callPopping(MOVE);
    }

    static void cmove(Emitter e) {
        e.callPopping(CMOVE);
    }

    static void cmove_up(Emitter e) {
        e.callPopping(CMOVE_UP);
    }

    static void fill(Emitter e) {
        e.callPopping(FILL);
    }

    static void compare(Emitter e) {
        e.callPopping(COMPARE);
    }

    /** The helper returns the match offset or -1; the results follow from it. */
    static void search(Emitter e) {
        Temp u2 = e.pop();
        Temp a2 = e.pop();
        Temp u1 = e.pop();
        Temp a1 = e.pop();
        Temp at = e.b.helper(SEARCH, a1, u1, a2, u2);
        Temp found = e.b.binary(Op.LE, e.cell(0), at);
        e.push(e.b.select(found, e.b.add(a1, at), a1));
        e.push(e.b.select(found, e.b.sub(u1, at), u1));
        e.push(e.flag(found));
    }

    static void allocate(Emitter e) {
        e.stackHelper(ALLOCATE);
    }

    static void free(Emitter e) {
        e.stackHelper(FREE);
    }

    static void resize(Emitter e) {
        e.stackHelper(RESIZE);
    }

    private static final Helper ALLOT = memory(Interpreter.class, "allot");

    static void allot(Emitter e) {
        e.callPopping(ALLOT);
    }

    // ---- floating point ----

    private static final Helper FABS = pure(FloatMath.class, "abs");
    private static final Helper FMAX = pure(FloatMath.class, "max");
    private static final Helper FMIN = pure(FloatMath.class, "min");
    private static final Helper FSQRT = pure(FloatMath.class, "sqrt");
    private static final Helper FLOOR = pure(FloatMath.class, "floor");
    private static final Helper FROUND = pure(FloatMath.class, "round");
    private static final Helper FTRUNC = pure(FloatMath.class, "trunc");
    private static final Helper TO_SINGLE = pure(FloatMath.class, "singleBits");
    private static final Helper FROM_SINGLE = pure(FloatMath.class, "fromSingleBits");
    private static final Helper D_TO_F = pure(FloatMath.class, "doubleToFloat");
    private static final Helper F_TO_D_LOW = pure(FloatMath.class, "floatToDoubleLow");
    private static final Helper F_TO_D_HIGH = pure(FloatMath.class, "floatToDoubleHigh");
    private static final Helper POW = pure(FloatMath.class, "pow");
    private static final Helper EXP = pure(FloatMath.class, "exp");
    private static final Helper EXPM1 = pure(FloatMath.class, "expm1");
    private static final Helper LN = pure(FloatMath.class, "ln");
    private static final Helper LNP1 = pure(FloatMath.class, "lnp1");
    private static final Helper LOG = pure(FloatMath.class, "log");
    private static final Helper ALOG = pure(FloatMath.class, "alog");
    private static final Helper SIN = pure(FloatMath.class, "sin");
    private static final Helper COS = pure(FloatMath.class, "cos");
    private static final Helper TAN = pure(FloatMath.class, "tan");
    private static final Helper ASIN = pure(FloatMath.class, "asin");
    private static final Helper ACOS = pure(FloatMath.class, "acos");
    private static final Helper ATAN = pure(FloatMath.class, "atan");
    private static final Helper ATAN2 = pure(FloatMath.class, "atan2");
    private static final Helper SINH = pure(FloatMath.class, "sinh");
    private static final Helper COSH = pure(FloatMath.class, "cosh");
    private static final Helper TANH = pure(FloatMath.class, "tanh");
    private static final Helper ASINH = pure(FloatMath.class, "asinh");
    private static final Helper ACOSH = pure(FloatMath.class, "acosh");
    private static final Helper ATANH = pure(FloatMath.class, "atanh");
    private static final Helper PROXIMATE = pure(FloatMath.class, "proximate");
    private static final Helper REPRESENT = stacks(FloatText.class, "represent");
    private static final Helper TO_FLOAT = stacks(FloatText.class, "toFloat");

    static void f_plus(Emitter e) {
        e.fbinary(Op.ADD);
    }

    static void f_minus(Emitter e) {
        e.fbinary(Op.SUB);
    }

    static void f_star(Emitter e) {
        e.fbinary(Op.MUL);
    }

    static void f_slash(Emitter e) {
        e.fbinary(Op.DIV);
    }

    static void fnegate(Emitter e) {
        e.fpush(e.b.unary(Op.NEG, e.fpop()));
    }

    static void fabs(Emitter e) {
        e.funary(FABS);
    }

    static void fmax(Emitter e) {
        e.fbinary(FMAX);
    }

    static void fmin(Emitter e) {
        e.fbinary(FMIN);
    }

    static void fsqrt(Emitter e) {
        e.funary(FSQRT);
    }

    static void floor(Emitter e) {
        e.funary(FLOOR);
    }

    static void fround(Emitter e) {
        e.funary(FROUND);
    }

    static void ftrunc(Emitter e) {
        e.funary(FTRUNC);
    }

    static void f_zero_equals(Emitter e) {
        e.push(e.flag(e.b.binary(Op.EQ, e.fpop(), e.b.f64(0))));
    }

    static void f_zero_less(Emitter e) {
        e.push(e.flag(e.b.binary(Op.LT, e.fpop(), e.b.f64(0))));
    }

    static void f_equals(Emitter e) {
        e.fcompare(Op.EQ);
    }

    static void f_less(Emitter e) {
        e.fcompare(Op.LT);
    }

    static void fdup(Emitter e) {
        e.fpush(e.fpeek(0));
    }

    static void fdrop(Emitter e) {
        e.floats.drop(1);
    }

    static void fswap(Emitter e) {
        Temp r2 = e.fpop();
        Temp r1 = e.fpop();
        e.fpush(r2);
        e.fpush(r1);
    }

    static void fover(Emitter e) {
        e.fpush(e.fpeek(1));
    }

    static void frot(Emitter e) {
        Temp r3 = e.fpop();
        Temp r2 = e.fpop();
        Temp r1 = e.fpop();
        e.fpush(r2);
        e.fpush(r3);
        e.fpush(r1);
    }

    static void fnip(Emitter e) {
        Temp r2 = e.fpop();
        e.floats.drop(1);
        e.fpush(r2);
    }

    static void ftuck(Emitter e) {
        Temp r2 = e.fpop();
        Temp r1 = e.fpop();
        e.fpush(r2);
        e.fpush(r1);
        e.fpush(r2);
    }

    static void f_fetch(Emitter e) {
        e.fpush(e.b.load(MemoryAccess.W64, Type.F64, e.pop()));
    }

    static void f_store(Emitter e) {
        e.b.store(MemoryAccess.W64, e.pop(), e.fpop());
    }

    static void sf_fetch(Emitter e) {
        e.fpush(e.b.helper(FROM_SINGLE, e.b.load(MemoryAccess.U32, Type.I64, e.pop())));
    }

    static void sf_store(Emitter e) {
        e.b.store(MemoryAccess.U32, e.pop(), e.b.helper(TO_SINGLE, e.fpop()));
    }

    static void s_to_f(Emitter e) {
        e.fpush(e.b.convert(e.pop(), Type.F64));
    }

    static void f_to_s(Emitter e) {
        e.push(e.b.convert(e.fpop(), Type.I64));
    }

    static void d_to_f(Emitter e) {
        Temp hi = e.pop();
        e.fpush(e.b.helper(D_TO_F, e.pop(), hi));
    }

    static void f_to_d(Emitter e) {
        Temp r = e.fpop();
        e.push(e.b.helper(F_TO_D_LOW, r));
        e.push(e.b.helper(F_TO_D_HIGH, r));
    }

    static void fdepth(Emitter e) {
        e.push(e.b.binary(Op.SAR, e.b.sub(e.cell(MemoryMap.F0), e.floats.current()), e.cell(3)));
    }

    static void fp_fetch(Emitter e) {
        e.floats.sync();
        e.push(e.floats.current());
    }

    static void fp_store(Emitter e) {
        e.floats.setPointer(e.pop());
    }

    static void f_star_star(Emitter e) {
        e.fbinary(POW);
    }

    static void fexp(Emitter e) {
        e.funary(EXP);
    }

    static void fexpm1(Emitter e) {
        e.funary(EXPM1);
    }

    static void fln(Emitter e) {
        e.funary(LN);
    }

    static void flnp1(Emitter e) {
        e.funary(LNP1);
    }

    static void flog(Emitter e) {
        e.funary(LOG);
    }

    static void falog(Emitter e) {
        e.funary(ALOG);
    }

    static void fsin(Emitter e) {
        e.funary(SIN);
    }

    static void fcos(Emitter e) {
        e.funary(COS);
    }

    static void ftan(Emitter e) {
        e.funary(TAN);
    }

    static void fasin(Emitter e) {
        e.funary(ASIN);
    }

    static void facos(Emitter e) {
        e.funary(ACOS);
    }

    static void fatan(Emitter e) {
        e.funary(ATAN);
    }

    static void fatan2(Emitter e) {
        e.fbinary(ATAN2);
    }

    static void fsinh(Emitter e) {
        e.funary(SINH);
    }

    static void fcosh(Emitter e) {
        e.funary(COSH);
    }

    static void ftanh(Emitter e) {
        e.funary(TANH);
    }

    static void fasinh(Emitter e) {
        e.funary(ASINH);
    }

    static void facosh(Emitter e) {
        e.funary(ACOSH);
    }

    static void fatanh(Emitter e) {
        e.funary(ATANH);
    }

    static void fsincos(Emitter e) {
        Temp r = e.fpop();
        e.fpush(e.b.helper(SIN, r));
        e.fpush(e.b.helper(COS, r));
    }

    static void f_proximate(Emitter e) {
        Temp r3 = e.fpop();
        Temp r2 = e.fpop();
        e.push(e.b.helper(PROXIMATE, e.fpop(), r2, r3));
    }

    static void represent(Emitter e) {
        e.stackHelper(REPRESENT);
    }

    static void to_float(Emitter e) {
        e.stackHelper(TO_FLOAT);
    }

    // ---- text interpreter ----

    private static final Helper PARSE_NAME = stacks(Interpreter.class, "parseName");
    private static final Helper PARSE = stacks(Interpreter.class, "parse");
    private static final Helper WORD = memory(Interpreter.class, "word");
    private static final Helper FIND_NAME = memory(Interpreter.class, "findName");
    private static final Helper SEARCH_WORDLIST = stacks(Interpreter.class, "searchWordlist");
    private static final Helper HEADER = memory(Interpreter.class, "header");
    private static final Helper NUMBER_QUERY = stacks(Interpreter.class, "numberQuery");
    private static final Helper TO_NUMBER = stacks(Interpreter.class, "toNumber");
    private static final Helper FLOAT_LITERAL = stacks(FloatText.class, "floatLiteral");
    private static final Helper REFILL = memory(Interpreter.class, "refill");
    private static final Helper EVALUATE_SOURCE = memory(Interpreter.class, "evaluateSource");
    private static final Helper INCLUDE_SOURCE = memory(Interpreter.class, "includeSource");
    private static final Helper FILEID_SOURCE = memory(Interpreter.class, "fileidSource");
    private static final Helper POP_SOURCE = memory(Interpreter.class, "popSource");
    private static final Helper CAPTURE_ERROR = memory(Interpreter.class, "captureError");
    private static final Helper REPORT_ERROR = memory(Interpreter.class, "reportError");
    private static final Helper RETHROWING = memory(Interpreter.class, "rethrowing");
    private static final Helper ABORT_MESSAGE = memory(Interpreter.class, "abortMessage");
    private static final Helper SAVE_INPUT = stacks(Interpreter.class, "saveInput");
    private static final Helper RESTORE_INPUT = stacks(Interpreter.class, "restoreInput");
    private static final Helper INCLUDED_QUERY = memory(Interpreter.class, "includedQuery");
    private static final Helper RESET_SOURCES = memory(Interpreter.class, "resetSources");
    private static final Helper WORDS = memory(Interpreter.class, "words");
    private static final Helper SEE = memory(Interpreter.class, "see");
    private static final Helper NEXT_ARGUMENT = stacks(Interpreter.class, "nextArgument");

    static void parse_name(Emitter e) {
        e.stackHelper(PARSE_NAME);
    }

    static void parse(Emitter e) {
        e.stackHelper(PARSE);
    }

    static void word(Emitter e) {
        e.callPopping(WORD);
    }

    static void find_name(Emitter e) {
        e.callPopping(FIND_NAME);
    }

    static void search_wordlist(Emitter e) {
        e.stackHelper(SEARCH_WORDLIST);
    }

    static void header(Emitter e) {
        e.callPopping(HEADER);
    }

    static void number_query(Emitter e) {
        e.stackHelper(NUMBER_QUERY);
    }

    static void to_number(Emitter e) {
        e.stackHelper(TO_NUMBER);
    }

    static void float_literal(Emitter e) {
        e.stackHelper(FLOAT_LITERAL);
    }

    static void refill(Emitter e) {
        e.callPopping(REFILL);
    }

    static void evaluate_source(Emitter e) {
        e.callPopping(EVALUATE_SOURCE);
    }

    static void include_source(Emitter e) {
        e.callPopping(INCLUDE_SOURCE);
    }

    static void fileid_source(Emitter e) {
        e.callPopping(FILEID_SOURCE);
    }

    static void pop_source(Emitter e) {
        e.callPopping(POP_SOURCE);
    }

    static void capture_error(Emitter e) {
        e.call(CAPTURE_ERROR, e.peek(0));
    }

    static void report_error(Emitter e) {
        e.callPopping(REPORT_ERROR);
    }

    static void rethrowing(Emitter e) {
        e.callPopping(RETHROWING);
    }

    static void abort_message(Emitter e) {
        e.callPopping(ABORT_MESSAGE);
    }

    static void save_input(Emitter e) {
        e.stackHelper(SAVE_INPUT);
    }

    static void restore_input(Emitter e) {
        e.stackHelper(RESTORE_INPUT);
    }

    static void included_query(Emitter e) {
        e.callPopping(INCLUDED_QUERY);
    }

    static void reset_sources(Emitter e) {
        e.callPopping(RESET_SOURCES);
    }

    static void words(Emitter e) {
        e.callPopping(WORDS);
    }

    static void see(Emitter e) {
        e.callPopping(SEE);
    }

    static void next_argument(Emitter e) {
        e.stackHelper(NEXT_ARGUMENT);
    }

    // ---- input and output ----

    private static final Helper EMIT = memory(Console.class, "emit");
    private static final Helper TYPE = memory(Console.class, "type");
    private static final Helper KEY = memory(Console.class, "key");
    private static final Helper KEY_QUERY = memory(Console.class, "keyQuery");
    private static final Helper ACCEPT = memory(Console.class, "accept");
    private static final Helper MS = memory(Console.class, "ms");
    private static final Helper TIME_DATE = stacks(Console.class, "timeAndDate");
    private static final Helper UTIME = pure(Console.class, "utime");

    static void emit(Emitter e) {
        e.callPopping(EMIT);
    }

    static void type(Emitter e) {
        e.callPopping(TYPE);
    }

    static void key(Emitter e) {
        e.callPopping(KEY);
    }

    static void key_query(Emitter e) {
        e.callPopping(KEY_QUERY);
    }

    static void accept(Emitter e) {
        e.callPopping(ACCEPT);
    }

    static void ms(Emitter e) {
        e.callPopping(MS);
    }

    static void time_date(Emitter e) {
        e.stackHelper(TIME_DATE);
    }

    static void utime(Emitter e) {
        e.callPopping(UTIME);
        e.push(e.cell(0));
    }

    // ---- files: each works on the stacks in memory (several results, iors) ----

    private static final Helper FILE_OPEN = stacks(FileWords.class, "openExisting");
    private static final Helper FILE_CREATE = stacks(FileWords.class, "create");
    private static final Helper FILE_CLOSE = stacks(FileWords.class, "closeFile");
    private static final Helper FILE_READ = stacks(FileWords.class, "read");
    private static final Helper FILE_READ_LINE = stacks(FileWords.class, "readLine");
    private static final Helper FILE_WRITE = stacks(FileWords.class, "writeFile");
    private static final Helper FILE_WRITE_LINE = stacks(FileWords.class, "writeLine");
    private static final Helper FILE_POSITION = stacks(FileWords.class, "position");
    private static final Helper FILE_REPOSITION = stacks(FileWords.class, "reposition");
    private static final Helper FILE_SIZE = stacks(FileWords.class, "size");
    private static final Helper FILE_RESIZE = stacks(FileWords.class, "resize");
    private static final Helper FILE_DELETE = stacks(FileWords.class, "delete");
    private static final Helper FILE_RENAME = stacks(FileWords.class, "rename");
    private static final Helper FILE_FLUSH = stacks(FileWords.class, "flush");
    private static final Helper FILE_STATUS = stacks(FileWords.class, "status");

    static void open_file(Emitter e) {
        e.stackHelper(FILE_OPEN);
    }

    static void create_file(Emitter e) {
        e.stackHelper(FILE_CREATE);
    }

    static void close_file(Emitter e) {
        e.stackHelper(FILE_CLOSE);
    }

    static void read_file(Emitter e) {
        e.stackHelper(FILE_READ);
    }

    static void read_line(Emitter e) {
        e.stackHelper(FILE_READ_LINE);
    }

    static void write_file(Emitter e) {
        e.stackHelper(FILE_WRITE);
    }

    static void write_line(Emitter e) {
        e.stackHelper(FILE_WRITE_LINE);
    }

    static void file_position(Emitter e) {
        e.stackHelper(FILE_POSITION);
    }

    static void reposition_file(Emitter e) {
        e.stackHelper(FILE_REPOSITION);
    }

    static void file_size(Emitter e) {
        e.stackHelper(FILE_SIZE);
    }

    static void resize_file(Emitter e) {
        e.stackHelper(FILE_RESIZE);
    }

    static void delete_file(Emitter e) {
        e.stackHelper(FILE_DELETE);
    }

    static void rename_file(Emitter e) {
        e.stackHelper(FILE_RENAME);
    }

    static void flush_file(Emitter e) {
        e.stackHelper(FILE_FLUSH);
    }

    static void file_status(Emitter e) {
        e.stackHelper(FILE_STATUS);
    }
}
