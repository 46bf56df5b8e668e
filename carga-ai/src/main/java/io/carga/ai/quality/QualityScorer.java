package io.carga.ai.quality;

/**
 * Scores one answer's content between 0 (useless) and 1 (good). Called on the virtual user's thread right
 * after the answer arrives, for sampled answers only: keep it cheap and never block. Must be thread-safe
 * (one instance serves every user).
 *
 * <pre>{@code
 * QualityScorer mentionsCity = (text, model) -> text.contains("Recife") ? 1.0 : 0.0;
 * }</pre>
 */
@FunctionalInterface
public interface QualityScorer {
    /** The score of {@code text}, produced by {@code model}, in [0, 1]. */
    double score(String text, String model);
}
