package dev.mimic.x86.user;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.interp.InterpretedCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mimic.x86.user.TinyElf.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserModeRunnerTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] file, EngineKind engine) throws IOException {
        Path program = dir.resolve("prog");
        Files.write(program, file);
        return UserModeRunner.run(new UserModeRunner.Options(engine, InterpretedCode::new, 1, 1_000_000, program, List.of(),
                List.of(), new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), new PrintStream(err, true), false));
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class)
    void writeAndExitGroup_printAndReturnTheStatus(EngineKind engine) throws IOException {
        assertEquals(7, run(TinyElf.HELLO, engine));
        assertEquals("hi\n", out.toString(StandardCharsets.UTF_8));
    }

    /** Calls f (mov ebx, 7; ret), rewrites f's immediate to 42, calls f again, exits with ebx. */
    private static final byte[] SELF_MODIFYING = TinyElf.of(bytes(
            0xE8, 22, 0, 0, 0,                                // call f
            0xC7, 0x05, 0x70, 0x80, 0x04, 0x08, 42, 0, 0, 0,  // mov dword [f+1], 42
            0xE8, 7, 0, 0, 0,                                 // call f
            0xB8, 252, 0, 0, 0,                               // mov eax, 252 (exit_group)
            0xCD, 0x80,                                       // int 0x80
            0xBB, 7, 0, 0, 0,                                 // f: mov ebx, 7
            0xC3));                                           // ret

    @ParameterizedTest
    @EnumSource(value = EngineKind.class)
    void writingCodeThatRanBefore_runsTheNewCode(EngineKind engine) throws IOException {
        assertEquals(42, run(SELF_MODIFYING, engine));
    }

    @Test
    void undefinedOpcode_isSigillLikeAShellReportsIt() throws IOException {
        assertEquals(128 + 4, run(TinyElf.of(bytes(0x0F, 0x0B)), EngineKind.INTERP));
        assertEquals("Illegal instruction\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void storeToUnmappedMemory_isSigsegv() throws IOException {
        assertEquals(128 + 11, run(TinyElf.of(bytes(0xA3, 0, 0, 0, 0)), EngineKind.INTERP)); // mov [0], eax
        assertEquals("Segmentation fault\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void divideByZero_isSigfpe() throws IOException {
        assertEquals(128 + 8, run(TinyElf.of(bytes(0x31, 0xC9, 0xF7, 0xF1)), EngineKind.INTERP)); // xor ecx,ecx; div ecx
        assertEquals("Floating point exception\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void privilegedInstruction_isSigsegv() throws IOException {
        assertEquals(128 + 11, run(TinyElf.of(bytes(0xF4)), EngineKind.INTERP)); // hlt
    }

    @Test
    void runningOffTheEndOfTheImage_isSigsegv() throws IOException {
        assertEquals(128 + 11, run(TinyElf.of(bytes(0x90)), EngineKind.INTERP)); // nop, then zero bytes, then unmapped
    }

    /** write(1, 0, -1) then exit with its result: a count of 2 GiB or more is EFAULT, not a host exception. */
    @Test
    void writeWithANegativeCount_isEfault() throws IOException {
        assertEquals(256 - 14, run(TinyElf.of(bytes(
                0xB8, 4, 0, 0, 0,                 // mov eax, 4 (write)
                0xBB, 1, 0, 0, 0,                 // mov ebx, 1
                0x31, 0xC9,                       // xor ecx, ecx
                0xBA, 0xFF, 0xFF, 0xFF, 0xFF,     // mov edx, -1
                0xCD, 0x80,                       // int 0x80
                0x89, 0xC3,                       // mov ebx, eax
                0xB8, 1, 0, 0, 0,                 // mov eax, 1 (exit)
                0xCD, 0x80)), EngineKind.INTERP));
    }

    /** Linux maps a bss lazily, so a program may reserve far more than it touches; so does Mimic. */
    @Test
    void hugeBss_isMappedWithoutBeingAllocated() throws IOException {
        byte[] file = TinyElf.HELLO.clone();
        java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(52 + 20, 0xA000_0000);
        assertEquals(7, run(file, EngineKind.INTERP));
        assertEquals("hi\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void malformedFile_isOneLineNamingTheOffset() throws IOException {
        Path program = dir.resolve("bad");
        byte[] file = TinyElf.HELLO.clone();
        file[18] = 62; // EM_X86_64
        Files.write(program, file);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> UserModeRunner.load(new UserModeRunner.Options(
                EngineKind.INTERP, InterpretedCode::new, 1, 1, program, List.of(), List.of(),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err), false)));
        assertEquals(program + ": offset 0x12: not an i386 program (machine 62)", e.getMessage());
    }
}
