package io.carga.shadow.ai;

import io.carga.ai.cost.PriceTable;
import io.carga.ai.quality.QualityScorer;

/**
 * One side's AI figures on one endpoint: answers, tokens, cost (carga-ai's price table, R$) and the quality
 * scorer's mean. Not thread-safe: the endpoint's statistics hold its lock.
 */
public final class AiSide {
    private long answers;
    private long inputTokens;
    private long outputTokens;
    private double costBrl;
    private double quality;

    public void add(AiAnswer a, PriceTable prices, QualityScorer scorer) {
        answers++;
        inputTokens += a.inputTokens();
        outputTokens += a.outputTokens();
        if (prices.prices(a.model())) {
            costBrl += prices.costBrl(a.model(), a.inputTokens(), a.outputTokens());
        }
        quality += scorer.score(a.text(), a.model());
    }

    public long answers() {
        return answers;
    }

    public double tokensPerRequest() {
        return answers == 0 ? 0 : (double) (inputTokens + outputTokens) / answers;
    }

    public double costPerRequestBrl() {
        return answers == 0 ? 0 : costBrl / answers;
    }

    public double qualityMean() {
        return answers == 0 ? 0 : quality / answers;
    }
}
