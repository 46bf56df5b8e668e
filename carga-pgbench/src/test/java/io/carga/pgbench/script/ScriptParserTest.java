package io.carga.pgbench.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    private static List<Command> parse(String text) {
        return ScriptParser.parse(text, "t.sql", 1).commands();
    }

    @Test
    void splitsTheSpecMultiTenantScript() {
        List<Command> cmds = parse("""
                -- pgbench_custom_scripts.sql
                -- Test multi-tenant query performance
                \\set business_id random(1, 1000)
                \\set user_id random(1, 10000)

                SELECT * FROM businesses b
                JOIN users u ON b.id = u.business_id
                WHERE b.id = :business_id
                AND b.status = 'active';

                -- Test AI generation history queries
                SELECT * FROM ai_generations ag
                WHERE ag.business_id = :business_id
                AND ag.created_at > NOW() - INTERVAL '7 days'
                ORDER BY ag.created_at DESC
                LIMIT 50;

                -- Test WhatsApp message throughput
                INSERT INTO whatsapp_messages (business_id, user_id, content, direction)
                VALUES (:business_id, :user_id, 'Test message content', 'inbound');
                """);
        assertThat(cmds).hasSize(5);
        assertThat(cmds.get(0)).isInstanceOf(Command.Set.class);
        assertThat(cmds.get(0).line()).isEqualTo(3);
        Command.Sql first = (Command.Sql) cmds.get(2);
        assertThat(first.line()).isEqualTo(6);
        assertThat(first.firstLine()).isEqualTo("SELECT * FROM businesses b");
        assertThat(first.vars()).containsExactly("business_id");
        assertThat(first.paramSql()).contains("WHERE b.id = ?").endsWith("'active';");
        Command.Sql insert = (Command.Sql) cmds.get(4);
        assertThat(insert.line()).isEqualTo(19);
        assertThat(insert.paramSql()).contains("VALUES (?, ?, 'Test message content', 'inbound');");
    }

    @Test
    void keepsQuotedSemicolonsColonsAndCasts() {
        List<Command> cmds = parse("SELECT ';:x', \"a;b\", $$;$$, $f$ ; $f$, :v::text, (1;2) ; SELECT 2");
        assertThat(cmds).hasSize(2);
        Command.Sql s = (Command.Sql) cmds.get(0);
        // like pgbench, parameters are found inside quotes too
        assertThat(s.vars()).containsExactly("x", "v");
        assertThat(s.paramSql()).isEqualTo("SELECT ';?', \"a;b\", $$;$$, $f$ ; $f$, ?::text, (1;2) ;");
        assertThat(((Command.Sql) cmds.get(1)).text()).isEqualTo("SELECT 2");
    }

    @Test
    void escapesJdbcQuestionMarksOutsideQuotes() {
        Command.Sql s = ScriptParser.sqlCommand(1, "SELECT '{}'::jsonb ? 'a', '?', $q$?$q$, \"?\", :v -- ?\n/* ? */");
        assertThat(s.paramSql()).isEqualTo("SELECT '{}'::jsonb ?? 'a', '?', $q$?$q$, \"?\", ? -- ?\n/* ? */");
    }

    @Test
    void substitutesVariablesAsPgbenchDoes() {
        Command.Sql s = ScriptParser.sqlCommand(1, "SELECT :a, :b::int, ::c, :undefined, ':a'");
        Variables v = new Variables();
        v.putValue("t", "a", Value.of(5L));
        v.putValue("t", "b", Value.of(2.5));
        // pgbench substitutes inside quotes too: it does not know SQL
        assertThat(s.substitute(v)).isEqualTo("SELECT 5, 2.5::int, ::c, :undefined, '5'");
    }

    @Test
    void gsetAttachesToThePrecedingCommand() {
        List<Command> cmds = parse("SELECT 1 AS one \\gset p_\nSELECT 2 AS two;\n\\aset\n");
        assertThat(cmds).hasSize(2);
        assertThat(((Command.Sql) cmds.get(0)).meta()).isEqualTo(Command.Meta.GSET);
        assertThat(((Command.Sql) cmds.get(0)).varPrefix()).isEqualTo("p_");
        assertThat(((Command.Sql) cmds.get(0)).text()).isEqualTo("SELECT 1 AS one ");
        assertThat(((Command.Sql) cmds.get(1)).meta()).isEqualTo(Command.Meta.ASET);
    }

    @Test
    void compoundStatementsAndContinuations() {
        List<Command> cmds = parse("SELECT 1 \\; SELECT 2;\n\\set x 1 + \\\n  2\n\\sleep 10ms\n\\sleep :d us\n");
        assertThat(((Command.Sql) cmds.get(0)).text()).isEqualTo("SELECT 1 ; SELECT 2;");
        assertThat(cmds.get(1)).isInstanceOf(Command.Set.class);
        Command.Sleep sl = (Command.Sleep) cmds.get(2);
        assertThat(sl.line()).isEqualTo(4);
        assertThat(sl.amount()).isEqualTo("10");
        assertThat(sl.unitMicros()).isEqualTo(1000);
        assertThat(((Command.Sleep) cmds.get(3)).amount()).isEqualTo(":d");
        assertThat(((Command.Sleep) cmds.get(3)).unitMicros()).isEqualTo(1);
    }

    @Test
    void reportsErrorsWithFileAndLine() {
        assertThatThrownBy(() -> parse("SELECT 1;\n\n\\set x foo(1)\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("t.sql:3: unexpected function name (foo) in command \"set\"")
                .extracting(e -> ((ScriptException) e).detail())
                .isEqualTo("\\set x foo(1)\n         ^ error found here");
        assertThatThrownBy(() -> parse("\\set x 1 < 2 < 3")).hasMessage("t.sql:1: syntax error in command \"set\"");
        assertThatThrownBy(() -> parse("SELECT 1;\n\\bogus\n")).hasMessage("t.sql:2: invalid command in command \"bogus\"");
        assertThatThrownBy(() -> parse("\\set x\n")).hasMessage("t.sql:1: syntax error in command \"set\"");
        assertThatThrownBy(() -> parse("\\set\n")).hasMessage("t.sql:1: missing argument in command \"set\"");
        assertThatThrownBy(() -> parse("\\sleep 1 fortnight\n"))
                .hasMessage("t.sql:1: unrecognized time unit, must be us, ms or s (fortnight) in command \"sleep\"");
        assertThatThrownBy(() -> parse("\\sleep x\n"))
                .hasMessage("t.sql:1: invalid sleep time, must be an integer (x) in command \"sleep\"");
        assertThatThrownBy(() -> parse("\\gset\n")).hasMessage("t.sql:1: \\gset must follow an SQL command");
        assertThatThrownBy(() -> parse("\\shell\n")).hasMessage("t.sql:1: missing command in command \"shell\"");
        assertThatThrownBy(() -> parse("\\setshell x\n")).hasMessage("t.sql:1: missing argument in command \"setshell\"");
        assertThatThrownBy(() -> parse("\\else x\n")).hasMessage("t.sql:1: unexpected argument in command \"else\"");
        assertThatThrownBy(() -> parse("-- nothing\n")).hasMessage("t.sql:2: empty command list for script \"t.sql\"");
    }

    @Test
    void checksConditionalStructure() {
        assertThatThrownBy(() -> parse("\\if 1\nSELECT 1;\n")).hasMessage("t.sql:3: \\if without matching \\endif");
        assertThatThrownBy(() -> parse("SELECT 1;\n\\elif 1\n")).hasMessage("t.sql:2: \\elif without matching \\if");
        assertThatThrownBy(() -> parse("\\if 1\n\\else\n\\else\n\\endif\n")).hasMessage("t.sql:3: \\else after \\else");
        assertThatThrownBy(() -> parse("\\if 1\n\\else\n\\elif 2\n\\endif\n")).hasMessage("t.sql:3: \\elif after \\else");
        assertThatThrownBy(() -> parse("\\endif\n")).hasMessage("t.sql:1: \\endif without matching \\if");
        assertThat(parse("\\if 1\n\\if 2\n\\endif\n\\elif 3\n\\else\n\\endif\n")).hasSize(6);
    }

    @Test
    void builtinsParse() {
        assertThat(Builtins.parse("tpcb", 1).commands()).hasSize(11);
        assertThat(Builtins.parse("select-only", 1).desc()).isEqualTo("<builtin: select only>");
        assertThatThrownBy(() -> Builtins.find("s")).hasMessageContaining("ambiguous builtin name: 2");
    }
}
