package dev.mimic.cil.corlib;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java method as the implementation of class library methods, named by their
 * {@link dev.mimic.cil.model.RuntimeMethod#key() key} ({@code System.Console::WriteLine(string)}).
 * Internal calls must have one; other methods get one where Java is faster with identical behaviour
 * or where their CIL depends on unmanaged pointers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Intrinsic {
    String[] value();

    /**
     * True when the Java method needs the instantiation it runs for: it then takes the
     * {@link dev.mimic.cil.model.RuntimeMethod} as its first argument (after the context).
     */
    boolean instantiated() default false;
}
