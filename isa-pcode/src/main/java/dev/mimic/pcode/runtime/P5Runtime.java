package dev.mimic.pcode.runtime;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pcode.load.Mpb;
import dev.mimic.pcode.load.PcodeProgram;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the p-machine holds outside its store: the logical files (pint's file tables), the
 * console, and the active VAR reference blocks. The standard procedures reach it through the
 * execution context; one per machine.
 *
 * <p>Files are found as pint's {@code valfil} does: a file variable's first byte holds its logical
 * number, assigned on first use. The header files are known by their address in the globals:
 * {@code input} (1) reads standard input, {@code output} (2) writes standard output, {@code prd}
 * (3) and {@code prr} (4) read and write the external files they are bound to.
 */
public final class P5Runtime {
    private final int globalsBase;
    private final int heapBase;
    private final FreeBlocks freeBlocks = new FreeBlocks();
    private final PFile[] files = new PFile[Mpb.MAX_FILES + 1];
    private final Map<Integer, Path> boundVariables;
    private final OutputStream stdout;
    private final TextInput stdin;
    private final Deque<int[]> varBlocks = new ArrayDeque<>();

    /**
     * @param bindings        external files by the address of their file variable
     * @param interrupt       tells a blocked console read to give up
     */
    public P5Runtime(PcodeProgram program, InputStream stdin, OutputStream stdout, Map<Integer, Path> bindings,
                     BooleanSupplier interrupt) {
        this.globalsBase = program.globalsBase();
        this.heapBase = program.heapBase();
        this.stdout = new BufferedOutputStream(stdout, 1 << 14);
        this.boundVariables = new HashMap<>(bindings);
        this.stdin = new TextInput(new ConsoleInput(stdin, interrupt, this::flushConsole));
        reset();
    }

    /**
     * Back to the program's start: every file closed (external files are written again from the
     * start), no VAR blocks. Standard input goes on where it was; it cannot be read twice.
     */
    public void reset() {
        finish();
        Arrays.fill(files, null);
        files[Mpb.INPUT_FILE] = PFile.reading(Mpb.INPUT_FILE, "input", stdin);
        files[Mpb.OUTPUT_FILE] = PFile.writing(Mpb.OUTPUT_FILE, "output", stdout);
        files[Mpb.PRD_FILE] = new PFile(Mpb.PRD_FILE, "prd");
        files[Mpb.PRD_FILE].bound = boundVariables.get(globalsBase + Mpb.PRD_OFFSET);
        files[Mpb.PRR_FILE] = new PFile(Mpb.PRR_FILE, "prr");
        files[Mpb.PRR_FILE].bound = boundVariables.get(globalsBase + Mpb.PRR_OFFSET);
        varBlocks.clear();
    }

    /** The bottom of the heap. */
    int heapBase() {
        return heapBase;
    }

    FreeBlocks freeBlocks() {
        return freeBlocks;
    }

    /** Drops what the runtime derived from the heap, after the store changed behind its back. */
    public void heapChanged() {
        freeBlocks.invalidate();
    }

    /**
     * The file of the file variable at {@code address}, assigning it a logical number on first use
     * (pint's valfil).
     */
    PFile file(GuestMemory memory, int address) {
        int number = memory.load8(address);
        if (number == 0) {
            number = assign(address);
            memory.store8(address, number);
        }
        PFile f = files[number];
        if (f == null) {
            throw P5Error.SYSTEM_ERROR.fault("file variable holds an unknown file number " + number);
        }
        return f;
    }

    private int assign(int address) {
        int offset = address - globalsBase;
        switch (offset) {
            case Mpb.INPUT_OFFSET:
                return Mpb.INPUT_FILE;
            case Mpb.OUTPUT_OFFSET:
                return Mpb.OUTPUT_FILE;
            case Mpb.PRD_OFFSET:
                return Mpb.PRD_FILE;
            case Mpb.PRR_OFFSET:
                return Mpb.PRR_FILE;
            default:
                break;
        }
        int number = free(false);
        if (number < 0) {
            number = free(true);
        }
        if (number < 0) {
            throw P5Error.TOO_MANY_FILES.fault("too many files (at most " + (Mpb.MAX_FILES - Mpb.PRR_FILE) + " besides the header files)");
        }
        PFile f = new PFile(number, "file " + number);
        f.assigned = true;
        f.bound = boundVariables.get(address);
        files[number] = f;
        return number;
    }

    /** A number never handed out, or (with {@code reuse}) one of a closed file. */
    private int free(boolean reuse) {
        for (int n = Mpb.PRR_FILE + 1; n <= Mpb.MAX_FILES; n++) {
            PFile f = files[n];
            if (f == null || reuse && f.mode == PFile.Mode.CLOSED && f.bound == null) {
                return n;
            }
        }
        return -1;
    }

    /** The file to write text or data to, as pint checks it: header files only one way, others open for writing. */
    PFile forWriting(GuestMemory memory, int address, String operation) {
        PFile f = file(memory, address);
        switch (f.number) {
            case Mpb.INPUT_FILE, Mpb.PRD_FILE -> throw P5Error.FILE_OPERATION.fault(operation + " on " + f.name + " file");
            case Mpb.PRR_FILE -> {
                if (f.mode != PFile.Mode.WRITE) {
                    requireBound(f);
                    f.rewrite();
                }
            }
            default -> {
                if (f.mode != PFile.Mode.WRITE) {
                    throw P5Error.FILE_NOT_WRITE_MODE.fault();
                }
            }
        }
        return f;
    }

    /** The file to read from, checked as pint does. */
    PFile forReading(GuestMemory memory, int address, String operation, boolean text) {
        PFile f = file(memory, address);
        switch (f.number) {
            case Mpb.OUTPUT_FILE, Mpb.PRR_FILE -> throw P5Error.FILE_OPERATION.fault(operation + " on " + f.name + " file");
            case Mpb.INPUT_FILE -> { }
            case Mpb.PRD_FILE -> {
                if (f.mode != PFile.Mode.READ) {
                    requireBound(f);
                    f.reset(text);
                }
            }
            default -> {
                if (f.mode != PFile.Mode.READ) {
                    throw P5Error.FILE_NOT_READ_MODE.fault();
                }
            }
        }
        return f;
    }

    static void requireBound(PFile f) {
        if (f.bound == null) {
            throw P5Error.FILE_NOT_BOUND.fault(f.name + " is not bound to a file (name one on the command line)");
        }
    }

    // ---- VAR reference blocks ----

    /** A VAR parameter now refers to [start, end]. */
    void enterVarBlock(int start, int end) {
        varBlocks.push(new int[] {start, end});
    }

    void exitVarBlock() {
        if (varBlocks.poll() == null) {
            throw P5Error.VAR_BLOCK_EMPTY.fault();
        }
    }

    /** True when some active VAR parameter refers to storage overlapping [start, end]. */
    boolean varOverlaps(int start, int end) {
        for (int[] b : varBlocks) {
            if (b[1] >= start && b[0] <= end) {
                return true;
            }
        }
        return false;
    }

    // ---- lifetime ----

    /** Writes buffered console output. */
    public void flushConsole() {
        try {
            stdout.flush();
        } catch (IOException e) {
            // The console is gone (a closed pipe); there is nobody left to tell.
        }
    }

    /** Ends the run: flushes the console and closes every file being written. */
    public void finish() {
        flushConsole();
        for (PFile f : files) {
            if (f != null && f.number > Mpb.OUTPUT_FILE && f.mode == PFile.Mode.WRITE) {
                f.closeOutput();
                f.mode = PFile.Mode.CLOSED;
            }
        }
    }

    /** Writes the file table and VAR blocks (the store and registers are saved by the machine). */
    public void save(DataOutputStream out) throws IOException {
        flushConsole();
        for (int n = Mpb.PRD_FILE; n <= Mpb.MAX_FILES; n++) {
            PFile f = files[n];
            out.writeBoolean(f != null);
            if (f == null) {
                continue;
            }
            f.flush();
            out.writeUTF(f.mode.name());
            out.writeBoolean(f.assigned);
            out.writeBoolean(f.bufferFull);
            out.writeUTF(f.bound == null ? "" : f.bound.toString());
            byte[] data = f.bound == null ? f.snapshotContents() : new byte[0];
            out.writeInt(data.length);
            out.write(data);
            out.writeBoolean(f.mode == PFile.Mode.READ && f.isText());
            out.writeInt(f.mode == PFile.Mode.READ ? f.position() : 0);
        }
        out.writeInt(varBlocks.size());
        for (int[] b : varBlocks) {
            out.writeInt(b[0]);
            out.writeInt(b[1]);
        }
    }

    /** Restores what {@link #save} wrote: temporaries get their contents, external files are reopened. */
    public void restore(DataInputStream in) throws IOException {
        for (int n = Mpb.PRD_FILE; n <= Mpb.MAX_FILES; n++) {
            if (!in.readBoolean()) {
                files[n] = null;
                continue;
            }
            PFile.Mode mode = PFile.Mode.valueOf(in.readUTF());
            PFile f = new PFile(n, files[n] != null ? files[n].name : "file " + n);
            f.assigned = in.readBoolean();
            boolean bufferFull = in.readBoolean();
            String bound = in.readUTF();
            f.bound = bound.isEmpty() ? null : Path.of(bound);
            int length = in.readInt();
            if (length < 0 || length > Mpb.STORE_SIZE * 16) {
                throw new IOException("file " + n + " has an impossible length " + length);
            }
            byte[] data = new byte[length];
            in.readFully(data);
            f.contents = data;
            boolean text = in.readBoolean();
            int position = in.readInt();
            if (mode == PFile.Mode.READ) {
                f.open(text, position);
            } else if (mode == PFile.Mode.WRITE) {
                if (f.bound != null) {
                    f.append();
                } else {
                    f.rewrite();
                    f.write(data);
                }
            }
            f.bufferFull = bufferFull;
            files[n] = f;
        }
        varBlocks.clear();
        for (int k = in.readInt(); k > 0; k--) {
            varBlocks.addLast(new int[] {in.readInt(), in.readInt()});
        }
    }
}
