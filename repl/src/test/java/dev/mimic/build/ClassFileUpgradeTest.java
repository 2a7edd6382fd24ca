package dev.mimic.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.util.Textifier;
import picocli.CommandLine;

/**
 * Every class of the Java 5 jars the packaging upgrades (picocli, ASM), upgraded the same way, passes the JVM's
 * own type-checking verifier, which reads the new stack map frames.
 */
class ClassFileUpgradeTest {

    @ParameterizedTest
    @ValueSource(classes = {CommandLine.class, ClassWriter.class, ClassNode.class, Analyzer.class, Textifier.class})
    void upgradedJar_isJava8AndVerifies(Class<?> member) throws IOException, URISyntaxException, ClassNotFoundException {
        Map<String, byte[]> upgraded = new HashMap<>();
        try (ZipFile jar = new ZipFile(new File(member.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            for (ZipEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")
                    && !e.getName().contains("module-info")).toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    byte[] original = in.readAllBytes();
                    assertEquals(49, original[7], entry.getName() + " is no longer Java 5: is this step still needed?");
                    byte[] bytes = ClassFileUpgrade.upgrade(entry.getName(), original);
                    assertEquals(52, bytes[7]);
                    String name = entry.getName().replace('/', '.').replaceAll("\\.class$", "");
                    upgraded.put(name, bytes);
                }
            }
        }
        assertTrue(upgraded.containsKey(member.getName()));
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : upgraded.containsKey(name) ? findClass(name) : super.loadClass(name, resolve);
                }
            }

            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = upgraded.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        for (String name : upgraded.keySet()) {
            // Initialising links the class, which runs the verifier on its new stack map frames.
            assertEquals(loader, Class.forName(name, true, loader).getClassLoader());
        }
    }
}
