package io.carga.cli;

import io.carga.core.output.RunResult;
import io.carga.report.cost.CostInputs;
import io.carga.report.ledger.Ledger;
import io.carga.report.ledger.LedgerEntry;
import io.carga.report.ledger.TestCost;
import io.carga.report.results.RunMeta;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** A finished run's line in the test-cost ledger, written after its reports (so its storage counts them). */
final class LedgerBooking {
    private LedgerBooking() {
    }

    /**
     * Appends the run in {@code dir} to {@code ledger} (null: the one beside {@code dir}) and prints its test cost.
     * A ledger that cannot be written is said, and the run's own ending kept: the next reader rebuilds the line.
     */
    static void book(Path dir, RunResult result, CostInputs costs, Ledger ledger, PrintStream out) {
        Ledger l = ledger != null ? ledger : Ledger.beside(dir);
        try {
            LedgerEntry e = TestCost.of(RunMeta.read(dir), result.aggregate(), dir, costs, false).withFolder(l.key(dir));
            l.append(e);
            out.println(String.format(Locale.ROOT, "test cost: R$ %.4f (AI %.4f, instances %.4f, storage %.6f) in %s",
                    e.totalBrl(), e.aiTotalBrl(), e.instancesBrl(), e.storageBrl(), l.file()));
        } catch (IOException | RuntimeException e) {
            out.println("carga: could not write the test-cost ledger (" + e + "); the next carga budget rebuilds the line");
        }
    }
}
