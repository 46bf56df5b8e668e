package io.carga.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a plan against the published JSON Schema ({@code docs/carga-plan.schema.json}, bundled as
 * {@link #RESOURCE}) and turns each violation into a problem at its line:column; an unknown key gets
 * a "did you mean" from the keys allowed at that place.
 */
final class SchemaCheck {
    /** The schema on the classpath; a test keeps it identical to the published copy in docs/. */
    static final String RESOURCE = "/io/carga/cli/plan/carga-plan.schema.json";

    private final JsonNode schemaNode;
    private final Schema schema;

    SchemaCheck() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            schemaNode = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plan schema", e);
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
    }

    static String schemaText() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<PlanException.Problem> check(YamlTree tree, String file) {
        List<PlanException.Problem> out = new ArrayList<>();
        List<Error> errors = new ArrayList<>(schema.validate(tree.root));
        // oneOf reports every branch's complaint; when a more specific error exists at the same or a
        // deeper place, the oneOf summary adds nothing.
        errors.removeIf(e -> "oneOf".equals(e.getKeyword()) && errors.stream().anyMatch(o -> o != e
                && !"oneOf".equals(o.getKeyword()) && pointer(o.getInstanceLocation()).startsWith(pointer(e.getInstanceLocation()))));
        for (Error e : errors) {
            String at = pointer(e.getInstanceLocation());
            if ("additionalProperties".equals(e.getKeyword())) {
                String key = e.getProperty();
                String keyPointer = YamlTree.child(at, key);
                YamlTree.Pos pos = tree.keyAt(keyPointer);
                String hint = Suggest.closest(key, allowed(e));
                out.add(new PlanException.Problem(file, pos.line(), pos.column(), "unknown key '" + key + "'"
                        + (at.isEmpty() ? "" : " in " + display(at))
                        + (hint == null ? "" : " (did you mean '" + hint + "'?)")));
            } else {
                YamlTree.Pos pos = "required".equals(e.getKeyword()) ? tree.keyAt(at) : tree.valueAt(at);
                out.add(new PlanException.Problem(file, pos.line(), pos.column(),
                        (at.isEmpty() ? "" : display(at) + ": ") + message(e)));
            }
        }
        out.sort(Comparator.comparingInt(PlanException.Problem::line).thenComparingInt(PlanException.Problem::column));
        return out.stream().distinct().toList();
    }

    private static String message(Error e) {
        String m = e.getMessage();
        // networknt prefixes the instance path ("$.pipeline.test_stages.smoke: …"); we print our own.
        int colon = m.indexOf(": ");
        return m.startsWith("$") && colon > 0 ? m.substring(colon + 2) : m;
    }

    /** The keys the schema allows where the unknown key was found. */
    private List<String> allowed(Error e) {
        NodePath frag = e.getSchemaLocation().getFragment();
        JsonNode n = schemaNode;
        for (int i = 0; i < frag.getNameCount() - 1; i++) {
            Object el = frag.getElement(i);
            n = el instanceof Integer idx ? n.path(idx) : n.path(el.toString());
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.path("properties").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            sb.append('/').append(el.toString().replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** {@code pipeline.test_stages.smoke_test}, for messages. */
    static String display(String pointer) {
        return pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
    }
}
