package io.carga.core.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads feeder files; malformed input fails with the file and line. */
final class FeedFiles {
    private FeedFiles() {
    }

    static List<Map<String, String>> readCsv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema)
                .readValues(file.toFile())) {
            while (it.hasNextValue()) {
                out.add(it.nextValue());
            }
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
        return out;
    }

    static List<Map<String, String>> readJson(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + ":1:1: expected a JSON array of objects");
        }
        List<Map<String, String>> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            if (!n.isObject()) {
                throw new IOException(file + ": element " + i + " is not an object");
            }
            Map<String, String> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().isValueNode()
                    ? f.getValue().asText() : f.getValue().toString()));
            out.add(m);
            i++;
        }
        return out;
    }
}
