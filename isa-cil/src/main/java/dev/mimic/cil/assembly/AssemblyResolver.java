package dev.mimic.cil.assembly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the assemblies a program references, as mono does on Debian: first the program's folder,
 * then the framework folders of mono-runtime / libmono-corlib4.5-cil ({@code /usr/lib/mono/4.5} and
 * its {@code Facades}), then the GAC ({@code gac/<name>/<version>__<token>/}). Framework versions
 * unify as in mono: a reference to {@code mscorlib 2.0.0.0} binds to the installed 4.0 corlib, so
 * lookup is by simple name. Each assembly is loaded once per resolver (one per machine).
 */
public final class AssemblyResolver {
    /** Debian's Mono 4.5 profile. */
    public static final Path MONO_FRAMEWORK = Path.of("/usr/lib/mono/4.5");
    /** Debian's Mono global assembly cache. */
    public static final Path MONO_GAC = Path.of("/usr/lib/mono/gac");

    private final List<Path> folders;
    private final Path gac;
    private final Map<String, Assembly> loaded = new HashMap<>();

    /** A resolver over explicit folders and GAC (the GAC may be null). */
    public AssemblyResolver(List<Path> folders, Path gac) {
        this.folders = List.copyOf(folders);
        this.gac = gac;
    }

    /** The resolver mono would use for a program in {@code programFolder}. */
    public static AssemblyResolver forProgram(Path programFolder) {
        return new AssemblyResolver(List.of(programFolder, MONO_FRAMEWORK, MONO_FRAMEWORK.resolve("Facades")), MONO_GAC);
    }

    /** Loads the program itself and registers it, so references back to it resolve to it. */
    public Assembly loadProgram(Path program) throws IOException {
        Assembly a = Assembly.load(program);
        a.name().ifPresent(n -> loaded.put(key(n), a));
        return a;
    }

    /**
     * The assembly {@code reference} names, loaded on first use. {@code requester} is the file that
     * holds the reference, named in the error when nothing is found.
     */
    public Assembly resolve(AssemblyName reference, String requester) throws IOException {
        Assembly known = loaded.get(key(reference));
        if (known != null) {
            return known;
        }
        List<Path> searched = new ArrayList<>(folders);
        for (Path folder : folders) {
            for (String extension : new String[] {".dll", ".exe"}) {
                Path candidate = folder.resolve(reference.name() + extension);
                if (Files.isRegularFile(candidate)) {
                    return register(reference, Assembly.open(candidate));
                }
            }
        }
        if (gac != null) {
            Path versions = gac.resolve(reference.name());
            searched.add(versions);
            Path exact = versions.resolve(reference.version() + "__" + reference.publicKeyTokenHex())
                    .resolve(reference.name() + ".dll");
            if (Files.isRegularFile(exact)) {
                return register(reference, Assembly.open(exact));
            }
        }
        throw new MissingAssemblyException(requester, reference, searched);
    }

    /** Every assembly {@code root} needs, transitively, loaded; the root first. */
    public List<Assembly> closure(Assembly root) throws IOException {
        List<Assembly> order = new ArrayList<>(List.of(root));
        for (int i = 0; i < order.size(); i++) {
            Assembly a = order.get(i);
            for (AssemblyName ref : a.references()) {
                Assembly dep = resolve(ref, a.file());
                if (!order.contains(dep)) {
                    order.add(dep);
                }
            }
        }
        return order;
    }

    private Assembly register(AssemblyName reference, Assembly a) {
        loaded.put(key(reference), a);
        a.name().ifPresent(n -> loaded.putIfAbsent(key(n), a));
        return a;
    }

    private static String key(AssemblyName name) {
        return name.name().toLowerCase(Locale.ROOT);
    }
}
