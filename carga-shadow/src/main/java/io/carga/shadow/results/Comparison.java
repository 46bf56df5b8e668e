package io.carga.shadow.results;

import io.carga.shadow.proxy.Answer;
import io.carga.shadow.proxy.CapturedRequest;
import java.util.Set;

/**
 * One mirrored request, answered by every side.
 *
 * @param secondary       the secondary's answer, or null when there is no secondary
 * @param candidateFields where the candidate's answer differs from the primary's
 * @param secondaryFields where the secondary's differs from the primary's: noise, since both run the old code
 */
public record Comparison(String endpoint, CapturedRequest request, Answer primary, Answer candidate, Answer secondary,
                         Set<String> candidateFields, Set<String> secondaryFields) {
    public Comparison {
        candidateFields = Set.copyOf(candidateFields);
        secondaryFields = Set.copyOf(secondaryFields);
    }
}
