package dev.mimic.backend.exec;

/**
 * The temporaries of one region activation: primitive temps in {@link #values} (I32 sign-extended,
 * F64 as raw bits), references in {@link #refs}, indexed by temp number. Parameters are the first
 * temps; a called region leaves its result in {@link #result} or {@link #resultRef}.
 */
public final class Frame {
    public final long[] values;
    public final Object[] refs;
    public long result;
    public Object resultRef;

    public Frame(int temps) {
        this.values = new long[temps];
        this.refs = new Object[temps];
    }
}
