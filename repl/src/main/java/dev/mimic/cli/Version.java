package dev.mimic.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code mimic --version}: the build's version, filtered into a resource by Maven, and the JVM it runs on. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            p.load(in);
        }
        return new String[] {"mimic " + p.getProperty("version") + " (Java " + Runtime.version() + ")"};
    }
}
