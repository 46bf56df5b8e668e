package io.carga.cli.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a Jackson tree plus where each node was written: the line and column of every
 * key ({@link #keyAt}) and of every value ({@link #valueAt}), by JSON pointer. Jackson's tree keeps no
 * locations, so the text is read twice: once into the tree, once as tokens to note positions.
 */
final class YamlTree {
    record Pos(int line, int column) {
    }

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    final JsonNode root;
    private final Map<String, Pos> keys = new HashMap<>();
    private final Map<String, Pos> values = new HashMap<>();

    private YamlTree(JsonNode root) {
        this.root = root;
    }

    /** Parses {@code text}; a syntax error becomes a problem with the parser's line and column. */
    static YamlTree parse(String text, String file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String original = e.getOriginalMessage();
            int line = l == null ? 0 : l.getLineNr();
            int column = l == null ? 0 : l.getColumnNr();
            // SnakeYAML names the context first and the problem last: point at the problem.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)").matcher(original);
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
            }
            String msg = original.lines().filter(x -> x.startsWith("expected") || x.startsWith("mapping values") || x.startsWith("found"))
                    .findFirst().orElse(original.lines().findFirst().orElse("malformed YAML"));
            throw new PlanException(List.of(new PlanException.Problem(file, line, column, "YAML syntax: " + msg.strip())));
        } catch (IOException e) {
            throw new PlanException(List.of(new PlanException.Problem(file, 0, 0, e.getMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new PlanException(List.of(new PlanException.Problem(file, 1, 1, "the plan is empty")));
        }
        YamlTree tree = new YamlTree(root);
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String pointer = p.getParsingContext().pathAsPointer().toString();
                JsonLocation l = p.currentTokenLocation();
                Pos pos = new Pos(l.getLineNr(), l.getColumnNr());
                if (t == JsonToken.FIELD_NAME) {
                    tree.keys.putIfAbsent(pointer, pos);
                } else if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    tree.values.putIfAbsent(pointer, pos);
                }
            }
        } catch (IOException e) {
            // The tree was read already; positions are a best effort.
        }
        return tree;
    }

    /** Where the key of {@code pointer} was written, else the nearest enclosing place known. */
    Pos keyAt(String pointer) {
        for (String p = pointer; ; p = parent(p)) {
            Pos pos = keys.get(p);
            if (pos == null) {
                pos = values.get(p);
            }
            if (pos != null || p.isEmpty()) {
                return pos == null ? new Pos(1, 1) : pos;
            }
        }
    }

    /** Where the value of {@code pointer} starts, else its key. */
    Pos valueAt(String pointer) {
        Pos pos = values.get(pointer);
        return pos != null ? pos : keyAt(pointer);
    }

    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
