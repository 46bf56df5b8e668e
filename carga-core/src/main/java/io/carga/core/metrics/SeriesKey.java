package io.carga.core.metrics;

import io.carga.core.event.Tags;

/** Identity of one statistics series: a request (or metric) name and its tags. */
public record SeriesKey(String name, Tags tags) implements Comparable<SeriesKey> {
    public SeriesKey {
        if (tags == null) {
            tags = Tags.EMPTY;
        }
    }

    public static SeriesKey of(String name) {
        return new SeriesKey(name, Tags.EMPTY);
    }

    /** {@code name} or {@code name{k=v,...}}: the display and file form. */
    public String label() {
        return tags.isEmpty() ? name : name + tags;
    }

    /** Inverse of {@link #label()}. */
    public static SeriesKey parse(String label) {
        int brace = label.lastIndexOf('{');
        if (brace > 0 && label.endsWith("}")) {
            try {
                return new SeriesKey(label.substring(0, brace), Tags.parse(label.substring(brace)));
            } catch (IllegalArgumentException notTags) {
                // a name that ends in a path template, such as GET /api/v1/users/{id}
            }
        }
        return of(label);
    }

    @Override
    public int compareTo(SeriesKey o) {
        return label().compareTo(o.label());
    }
}
