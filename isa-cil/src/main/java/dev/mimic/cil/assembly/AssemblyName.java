package dev.mimic.cil.assembly;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An assembly's identity (ECMA-335 II.6.2.1): simple name, four-part version, culture and public key
 * token. Resolution looks assemblies up by it; {@code toString} is the display form mono prints.
 */
public record AssemblyName(String name, int major, int minor, int build, int revision, String culture,
        byte[] publicKeyToken) {

    /**
     * The name of an Assembly or AssemblyRef row; {@code key} is a full public key (hashed to its
     * token, II.6.2.1.3) when {@code isFullKey}, else already a token or empty.
     */
    static AssemblyName of(String name, int major, int minor, int build, int revision, String culture,
            byte[] key, boolean isFullKey) {
        byte[] token = key;
        if (isFullKey && key.length > 0) {
            byte[] hash;
            try {
                hash = MessageDigest.getInstance("SHA-1").digest(key);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK provides SHA-1", e);
            }
            token = new byte[8];
            for (int i = 0; i < 8; i++) {
                token[i] = hash[hash.length - 1 - i];
            }
        }
        return new AssemblyName(name, major, minor, build, revision, culture, token);
    }

    /** {@code a.b.c.d}. */
    public String version() {
        return major + "." + minor + "." + build + "." + revision;
    }

    /** The token as lowercase hex, or {@code null} for an unsigned assembly. */
    public String publicKeyTokenHex() {
        return publicKeyToken.length == 0 ? "null" : HexFormat.of().formatHex(publicKeyToken);
    }

    @Override
    public String toString() {
        return "%s, Version=%s, Culture=%s, PublicKeyToken=%s".formatted(name, version(),
                culture.isEmpty() ? "neutral" : culture, publicKeyTokenHex());
    }
}
