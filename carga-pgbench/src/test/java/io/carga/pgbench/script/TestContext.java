package io.carga.pgbench.script;

import java.util.ArrayList;
import java.util.List;

/** An evaluation context over a {@link Variables} store, collecting debug() output. */
final class TestContext implements Evaluator.Context {
    final Variables vars = new Variables();
    final Prng rng = new Prng(42);
    final List<String> debug = new ArrayList<>();

    @Override public Value variable(String name) { return vars.getValue(name); }
    @Override public Prng random() { return rng; }
    @Override public void debug(String line) { debug.add(line); }

    Value eval(String expr) {
        return Evaluator.eval(ExprParser.parse(expr), this);
    }
}
