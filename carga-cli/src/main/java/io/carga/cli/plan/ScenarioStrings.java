package io.carga.cli.plan;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strings a plan's scenarios are written with, read without running them: the string literals of a
 * {@code file:} scenario's source, the string constants of a {@code class:} scenario's class files (the
 * class, its superclasses and nested classes). A tag such as {@code .tag("tier", "file_uploads")} leaves
 * both its key and its value there; a tag computed at run time or set in another class does not.
 */
final class ScenarioStrings {
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private ScenarioStrings() {
    }

    /** Every scenario's strings, or empty when one of them cannot be read (then nothing can be said). */
    static Optional<Set<String>> of(Plan plan) {
        Set<String> all = new HashSet<>();
        for (Plan.ScenarioRef s : plan.scenarios().values()) {
            try {
                all.addAll(s.source().endsWith(".java") ? sourceLiterals(Files.readString(Path.of(s.source()))) : classConstants(s.source()));
            } catch (IOException | ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        }
        return Optional.of(all);
    }

    static Set<String> sourceLiterals(String source) {
        Set<String> out = new HashSet<>();
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> classConstants(String className) throws IOException, ClassNotFoundException {
        ClassLoader loader = ScenarioStrings.class.getClassLoader();
        Set<String> out = new HashSet<>();
        addClass(Class.forName(className, false, loader), loader, out);
        return out;
    }

    private static void addClass(Class<?> c, ClassLoader loader, Set<String> out) throws IOException {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            try (InputStream in = loader.getResourceAsStream(k.getName().replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new IOException("no class file for " + k.getName());
                }
                out.addAll(constantPoolStrings(in.readAllBytes()));
            }
        }
        for (Class<?> nested : c.getDeclaredClasses()) {
            addClass(nested, loader, out);
        }
    }

    /** The UTF-8 entries of a class file's constant pool (JVMS 4.4): every literal, name and descriptor. */
    static Set<String> constantPoolStrings(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.skipNBytes(4); // minor and major version
        int count = in.readUnsignedShort();
        Set<String> out = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF()); // the class file's modified UTF-8 is DataInput's
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or a double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return out;
    }
}
