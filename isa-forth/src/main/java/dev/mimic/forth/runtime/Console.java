package dev.mimic.forth.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.forth.exception.ForthError;
import dev.mimic.forth.exception.ThrowCode;

import java.time.Instant;
import java.time.LocalDateTime;

/** The console and clock words: EMIT, TYPE, KEY, KEY?, ACCEPT, MS, TIME&amp;DATE, UTIME. */
public final class Console {
    private Console() {
    }

    public static void emit(ExecutionContext ctx, long c) {
        ForthRuntime.of(ctx).terminal().write((int) c);
    }

    public static void type(ExecutionContext ctx, long at, long length) {
        ForthRuntime.of(ctx).terminal().write(Bytes.read(ctx.memory, at, length));
    }

    /** KEY; the end of input is an exception (-57), as there is no character to return. */
    public static long key(ExecutionContext ctx) {
        int c = ForthRuntime.of(ctx).terminal().key();
        if (c < 0) {
            throw new ForthError(-57, "end of input");
        }
        return c;
    }

    public static long keyQuery(ExecutionContext ctx) {
        return Stacks.flag(ForthRuntime.of(ctx).terminal().keyReady());
    }

    /** ACCEPT: a line of at most {@code max} characters (the rest of a longer line is dropped). */
    public static long accept(ExecutionContext ctx, long at, long max) {
        byte[] line = ForthRuntime.of(ctx).terminal().readLine();
        if (line == null) {
            return 0;
        }
        int n = (int) Math.max(0, Math.min(line.length, max));
        ctx.memory.write(at, line, 0, n);
        return n;
    }

    public static void ms(ExecutionContext ctx, long millis) {
        ForthRuntime.of(ctx).terminal().flush();
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForthError(ThrowCode.USER_INTERRUPT);
        }
    }

    /** TIME&amp;DATE ( -- +n1 +n2 +n3 +n4 +n5 +n6 ): second minute hour day month year. */
    public static void timeAndDate(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        LocalDateTime now = LocalDateTime.now();
        s.push(now.getSecond());
        s.push(now.getMinute());
        s.push(now.getHour());
        s.push(now.getDayOfMonth());
        s.push(now.getMonthValue());
        s.push(now.getYear());
    }

    /** Microseconds since the epoch (gforth's UTIME, the low cell of its double). */
    public static long utime() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
