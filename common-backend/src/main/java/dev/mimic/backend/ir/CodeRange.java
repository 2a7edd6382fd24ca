package dev.mimic.backend.ir;

/** A half-open range [start, end) of guest addresses holding decoded code. */
public record CodeRange(long start, long end) {
    public CodeRange {
        if (end < start) {
            throw new IllegalArgumentException("empty code range " + start + ".." + end);
        }
    }

    public boolean overlaps(long otherStart, long otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
