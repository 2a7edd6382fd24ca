package dev.mimic.forth.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.forth.dictionary.Dictionary;
import dev.mimic.forth.layout.MemoryMap;
import dev.mimic.forth.text.ErrorReport;
import dev.mimic.forth.text.InputSources;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the Forth machine's helpers need besides guest memory: the stacks' host view, the
 * console, the heap, the input sources, open files, the error report and the command line still to
 * process. It is the execution context's machine object, so every helper reaches it with
 * {@link #of}; one per machine, nothing shared.
 */
public final class ForthRuntime {
    /** One command-line item: a file to include, or text to evaluate (gforth's {@code -e}). */
    public record Argument(boolean isFile, String text) {
    }

    private final GuestMemory memory;
    private final Dictionary dictionary;
    private final Stacks stacks;
    private final Terminal terminal;
    private final Heap heap;
    private final InputSources sources;
    private final ErrorReport errors = new ErrorReport();
    private final FileWords files = new FileWords();
    private final Deque<Argument> arguments = new ArrayDeque<>();
    private final Set<Path> included = new HashSet<>();

    public ForthRuntime(GuestState state, GuestMemory memory, Terminal terminal) {
        this.memory = memory;
        this.dictionary = new Dictionary(memory);
        this.stacks = new Stacks(state, memory);
        this.terminal = terminal;
        this.heap = new Heap(memory, MemoryMap.heapStart(memory.size()), memory.size());
        this.sources = new InputSources(memory, heap, terminal);
    }

    /** The runtime of the machine running in {@code ctx}. */
    public static ForthRuntime of(ExecutionContext ctx) {
        return ctx.machine(ForthRuntime.class);
    }

    public GuestMemory memory() {
        return memory;
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    public Stacks stacks() {
        return stacks;
    }

    public Terminal terminal() {
        return terminal;
    }

    public Heap heap() {
        return heap;
    }

    public InputSources sources() {
        return sources;
    }

    public ErrorReport errors() {
        return errors;
    }

    public FileWords files() {
        return files;
    }

    /** The files included so far, by absolute normalised path (REQUIRE skips them). */
    public Set<Path> included() {
        return included;
    }

    /** Queues the command-line items (BOOT processes them in order). */
    public void setArguments(List<Argument> items) {
        arguments.clear();
        arguments.addAll(items);
    }

    /** The next command-line item, or null when all were processed. */
    public Argument nextArgument() {
        return arguments.poll();
    }

    /** Back to the state of a freshly loaded kernel image: no sources, files, allocations or errors. */
    public void reset() {
        files.closeAll();
        heap.clear();
        included.clear();
        errors.clear();
        sources.clear();
    }
}
