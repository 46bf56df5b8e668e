package io.carga.platform.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.auth.Principal;
import io.carga.platform.db.Ids;
import io.carga.platform.db.Sql;
import io.carga.platform.llm.BusinessType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Business onboarding ({@code POST /api/v1/business/setup}) and reading a business and its AI history.
 * The reads are where "403 for another business's data" lives: a caller sees only their own business.
 * The history read is the spec's section 5.1 query, verbatim apart from the bind parameter.
 */
public final class BusinessRoutes {
    /** Setup templates: what departments a new business starts with. {@code <type>_basic} also works. */
    static final Map<String, List<String>> TEMPLATES = Map.of(
            "restaurant_basic", List.of("marketing", "cx", "delivery"),
            "retail_basic", List.of("marketing", "cx", "catalog"),
            "beauty_basic", List.of("marketing", "cx", "scheduling"),
            "services_basic", List.of("marketing", "cx", "scheduling"),
            "generic_basic", List.of("marketing", "cx"));

    private final Sql sql;

    public BusinessRoutes(Sql sql) {
        this.sql = sql;
    }

    public void register(Router r) {
        r.route("POST", "/api/v1/business/setup", Router.Access.USER, this::setup);
        r.route("GET", "/api/v1/business/{id}", Router.Access.USER, this::get);
        r.route("GET", "/api/v1/business/{id}/generations", Router.Access.USER, this::generations);
    }

    private void setup(Exchange ex) throws Exception {
        Body b = ex.json();
        String name = b.requiredText("business_name", 120);
        if (name.length() < 2) {
            throw ApiError.invalid("business_name", "'business_name' must have at least 2 characters");
        }
        String typeRaw = b.requiredText("business_type", 100);
        BusinessType type = BusinessType.parse(typeRaw).orElseThrow(() -> ApiError.invalid("business_type",
                "unknown business_type '" + typeRaw + "'; known: " + BusinessType.keys()));
        String location = b.requiredText("location", 200);
        String[] parts = location.split(",");
        if (parts.length != 2 || parts[0].isBlank() || !parts[1].strip().matches("[A-Za-z]{2}")) {
            throw ApiError.invalid("location", "'location' must look like 'São Paulo, SP' (city, state)");
        }
        String template = b.optionalText("template", 60, "generic_basic");
        List<String> departments = TEMPLATES.get(template);
        if (departments == null && template.equals(type.key + "_basic")) {
            departments = TEMPLATES.get("generic_basic");
        }
        if (departments == null) {
            throw ApiError.invalid("template", "unknown template '" + template + "'; known: " + TEMPLATES.keySet()
                    + " or <business_type>_basic");
        }
        Principal p = ex.principal();
        String city = parts[0].strip();
        String state = parts[1].strip().toUpperCase();
        long id = sql.query("insert_business", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO businesses (name, business_type, city, state, template, "
                    + "owner_user_id, onboarded_at) VALUES (?,?,?,?,?,?, now()) RETURNING id")) {
                ps.setString(1, name);
                ps.setString(2, type.key);
                ps.setString(3, city);
                ps.setString(4, state);
                ps.setString(5, template);
                ps.setLong(6, p.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        ObjectNode out = ex.mapper().createObjectNode();
        out.put("business_id", Ids.business(id));
        out.put("business_name", name);
        out.put("business_type", type.key);
        out.put("location", city + ", " + state);
        out.put("template", template);
        out.put("status", "active");
        ArrayNode deps = out.putArray("departments");
        departments.forEach(deps::add);
        ex.header("Location", "/api/v1/business/" + Ids.business(id));
        ex.send(201, out);
    }

    /**
     * {@code business_activation_rate}: of the businesses set up through {@code /business/setup}, the share
     * that became active, meaning the platform's AI has worked for them at least once (an
     * {@code ai_generations} row of theirs: in the simulator a customer's CX chat to the new business, since
     * marketing content is stored under the caller's own business) while their status is still
     * {@code active}. Setup alone answers {@code status: active}, so the status by itself would read 1.0
     * forever; the first AI answer is the moment a new business starts using what it signed up for.
     *
     * <p>Read from PostgreSQL at scrape time rather than counted in memory, so it stays right across
     * restarts and with several simulators sharing one database. Empty when nothing was set up yet (0/0).
     */
    public static OptionalDouble activationRate(Sql sql) throws SQLException {
        return sql.query("metrics_business_activation", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE b.status = 'active' AND EXISTS "
                    + "(SELECT 1 FROM ai_generations g WHERE g.business_id = b.id)) FROM businesses b WHERE b.onboarded_at IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long onboarded = rs.getLong(1);
                return onboarded == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) rs.getLong(2) / onboarded);
            }
        });
    }

    private long ownBusiness(Exchange ex) {
        String raw = ex.request().path().pathParameters().get("id");
        long id = Ids.parseBusiness(raw).orElseThrow(() -> ApiError.invalid("id", "business id must look like 'biz_123'"));
        if (id != ex.principal().businessId()) {
            throw ApiError.forbidden("business " + Ids.business(id) + " is not yours");
        }
        return id;
    }

    private void get(Exchange ex) throws Exception {
        long id = ownBusiness(ex);
        ObjectNode out = sql.query("get_business", c -> {
            // Spec 5.1 query 1, the multi-tenant join.
            try (PreparedStatement ps = c.prepareStatement("SELECT b.name, b.business_type, b.city, b.state, b.status, u.id, u.email "
                    + "FROM businesses b JOIN users u ON b.id = u.business_id WHERE b.id = ? AND b.status = 'active' ORDER BY u.id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    ObjectNode o = null;
                    ArrayNode users = null;
                    while (rs.next()) {
                        if (o == null) {
                            o = ex.mapper().createObjectNode().put("business_id", Ids.business(id)).put("business_name", rs.getString(1))
                                    .put("business_type", rs.getString(2)).put("location", rs.getString(3) + ", " + rs.getString(4))
                                    .put("status", rs.getString(5));
                            users = o.putArray("users");
                        }
                        users.addObject().put("user_id", Ids.user(rs.getLong(6))).put("email", rs.getString(7));
                    }
                    return o;
                }
            }
        });
        if (out == null) {
            throw ApiError.notFound("id", "no active business " + Ids.business(id));
        }
        ex.send(200, out);
    }

    private void generations(Exchange ex) throws Exception {
        long id = ownBusiness(ex);
        ArrayNode items = ex.mapper().createArrayNode();
        sql.query("list_generations", c -> {
            // Spec 5.1 query 2.
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ai_generations ag WHERE ag.business_id = ? "
                    + "AND ag.created_at > NOW() - INTERVAL '7 days' ORDER BY ag.created_at DESC LIMIT 50")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.addObject().put("id", "gen_" + rs.getLong("id")).put("department", rs.getString("department"))
                                .put("model", rs.getString("model")).put("content", rs.getString("content"))
                                .put("input_tokens", rs.getInt("input_tokens")).put("output_tokens", rs.getInt("output_tokens"))
                                .put("cost", rs.getBigDecimal("cost").doubleValue()).put("latency_ms", rs.getInt("latency_ms"))
                                .put("created_at", rs.getTimestamp("created_at").toInstant().toString());
                    }
                }
            }
            return null;
        });
        ObjectNode out = ex.mapper().createObjectNode().put("business_id", Ids.business(id));
        out.set("generations", items);
        ex.send(200, out);
    }
}
