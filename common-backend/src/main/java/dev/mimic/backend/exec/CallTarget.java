package dev.mimic.backend.exec;

import dev.mimic.backend.ir.Region;

/**
 * The callee of a {@link dev.mimic.backend.ir.Op#CALL}: a region that is linked late (so regions
 * may call each other recursively) and whose executable code is upgraded in place when tiering
 * compiles it.
 */
public final class CallTarget {
    private final String name;
    private Region region;
    private volatile RegionCode code;

    public CallTarget(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Region region() {
        if (region == null) {
            throw new IllegalStateException("call target " + name + " is not linked");
        }
        return region;
    }

    /** Links the callee's region and its initial code. */
    public void link(Region region, RegionCode code) {
        this.region = region;
        this.code = code;
    }

    public RegionCode code() {
        RegionCode c = code;
        if (c == null) {
            throw new IllegalStateException("call target " + name + " is not linked");
        }
        return c;
    }

    /** Replaces the code (tiering up). */
    public void setCode(RegionCode code) {
        this.code = code;
    }

    @Override
    public String toString() {
        return name;
    }
}
