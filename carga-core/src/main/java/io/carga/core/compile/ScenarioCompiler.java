package io.carga.core.compile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one scenario {@code .java} file in memory at start, against carga's own classpath, as a
 * locustfile is simply run. Nothing is written to disk. Compiler errors come back as
 * {@code file:line:column} lines and the run does not start.
 */
public final class ScenarioCompiler {

    /** Compiles {@code source} and loads every class it declares (nested ones included). */
    public List<Class<?>> compile(Path source) throws IOException, CompileException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IOException("no Java compiler in this runtime: run carga on a JDK, not a JRE");
        }
        String text = Files.readString(source);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
        JavaFileObject unit = new SimpleJavaFileObject(source.toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        var fileManager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(className, c -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-parameters",
                "-proc:none", "-Xlint:none", "-nowarn", "-g");
        boolean ok = compiler.getTask(null, fileManager, diagnostics, options, null, List.of(unit)).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(source + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": error: "
                        + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        if (!ok || !errors.isEmpty()) {
            throw new CompileException(errors.isEmpty() ? List.of(source + ": does not compile") : errors);
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        MemoryClassLoader loader = new MemoryClassLoader(bytes, Thread.currentThread().getContextClassLoader());
        List<Class<?>> loaded = new ArrayList<>();
        for (String name : bytes.keySet().stream().sorted().toList()) {
            try {
                loaded.add(loader.loadClass(name));
            } catch (ClassNotFoundException e) {
                throw new IOException("compiled class " + name + " could not be loaded", e);
            }
        }
        return loaded;
    }

    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> bytes;

        MemoryClassLoader(Map<String, byte[]> bytes, ClassLoader parent) {
            super("carga-scenario", parent);
            this.bytes = bytes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = bytes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
