package io.carga.platform.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.auth.Principal;
import io.carga.platform.db.Ids;
import io.carga.platform.db.Sql;
import io.carga.platform.http.ApiError;
import io.carga.platform.http.Body;
import io.carga.platform.http.Exchange;
import io.carga.platform.http.Router;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/privacy/data-request}: LGPD data-subject requests, {@code export} or {@code deletion}.
 *
 * <p>Who may ask: the person themselves, or a member of the business named in the request (the data
 * controller relaying a request). Anyone else gets 403. Scope: if the person's account belongs to that
 * business, the whole person (account and all their rows everywhere); otherwise (a customer who only
 * messaged the business) just their rows in that business. Deletion runs in one transaction together
 * with the {@code privacy_requests} audit row, so either everything is gone and recorded, or nothing is.
 */
public final class PrivacyRoutes {
    private static final List<String> TABLES = List.of("whatsapp_messages", "ai_generations", "uploads");

    private final Sql sql;

    public PrivacyRoutes(Sql sql) {
        this.sql = sql;
    }

    public void register(Router r) {
        r.route("POST", "/api/v1/privacy/data-request", Router.Access.USER, this::dataRequest);
    }

    private void dataRequest(Exchange ex) throws Exception {
        Body b = ex.json();
        String type = b.oneOf("request_type", List.of("export", "deletion"), null);
        long userId = b.id("user_id", Ids::parseUser, "user_4567");
        long businessId = b.id("business_id", Ids::parseBusiness, "biz_123");
        Principal p = ex.principal();
        if (p.businessId() != businessId && p.userId() != userId) {
            throw ApiError.forbidden("only the person or a member of " + Ids.business(businessId) + " may request this");
        }
        ObjectNode out = ex.mapper().createObjectNode();
        long requestId = sql.transaction("privacy_" + type, c -> {
            boolean account = exists(c, "SELECT 1 FROM users WHERE id = ? AND business_id = ?", userId, businessId);
            String scope = account ? "user_id = ?" : "user_id = ? AND business_id = ?";
            int affected = 0;
            if (type.equals("deletion")) {
                ObjectNode deleted = out.putObject("deleted");
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (String t : TABLES) {
                    counts.put(t, update(c, "DELETE FROM " + t + " WHERE " + scope, account, userId, businessId));
                }
                int users = 0;
                if (account) {
                    update(c, "UPDATE businesses SET owner_user_id = NULL WHERE owner_user_id = ?", true, userId, businessId);
                    users = update(c, "DELETE FROM users WHERE id = ?", true, userId, businessId);
                }
                deleted.put("users", users);
                counts.forEach(deleted::put);
                affected = users + counts.values().stream().mapToInt(Integer::intValue).sum();
            } else {
                ObjectNode data = out.putObject("data");
                if (account) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT email, name, phone, created_at FROM users WHERE id = ?")) {
                        ps.setLong(1, userId);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            data.putObject("account").put("email", rs.getString(1)).put("name", rs.getString(2))
                                    .put("phone", rs.getString(3)).put("created_at", rs.getTimestamp(4).toInstant().toString());
                            affected++;
                        }
                    }
                }
                affected += export(c, data.putArray("whatsapp_messages"), "SELECT business_id, content, direction, created_at "
                        + "FROM whatsapp_messages WHERE " + scope + " ORDER BY id LIMIT 1000", account, userId, businessId);
                affected += export(c, data.putArray("ai_generations"), "SELECT business_id, department, prompt, content, created_at "
                        + "FROM ai_generations WHERE " + scope + " ORDER BY id LIMIT 1000", account, userId, businessId);
                affected += export(c, data.putArray("uploads"), "SELECT business_id, filename, content_type, size_bytes, created_at "
                        + "FROM uploads WHERE " + scope + " ORDER BY id LIMIT 1000", account, userId, businessId);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO privacy_requests (business_id, user_id, requested_by, "
                    + "request_type, status, rows_affected, completed_at) VALUES (?,?,?,?, 'completed', ?, now()) RETURNING id")) {
                ps.setLong(1, businessId);
                ps.setLong(2, userId);
                ps.setLong(3, p.userId());
                ps.setString(4, type);
                ps.setInt(5, affected);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        ObjectNode head = ex.mapper().createObjectNode();
        head.put("request_id", "pr_" + requestId);
        head.put("request_type", type);
        head.put("status", "completed");
        head.put("user_id", Ids.user(userId));
        head.put("business_id", Ids.business(businessId));
        head.setAll(out);
        ex.send(200, head);
    }

    private static boolean exists(Connection c, String q, long a, long b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(q)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Binds the user id, and the business id too when the statement is business-scoped. */
    private static int update(Connection c, String q, boolean userOnly, long userId, long businessId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(q)) {
            ps.setLong(1, userId);
            if (!userOnly) {
                ps.setLong(2, businessId);
            }
            return ps.executeUpdate();
        }
    }

    private static int export(Connection c, ArrayNode into, String q, boolean userOnly, long userId, long businessId)
            throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(q)) {
            ps.setLong(1, userId);
            if (!userOnly) {
                ps.setLong(2, businessId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    ObjectNode row = into.addObject();
                    for (int i = 1; i <= cols; i++) {
                        String name = rs.getMetaData().getColumnLabel(i);
                        Object v = rs.getObject(i);
                        if (name.equals("business_id")) {
                            row.put(name, Ids.business(rs.getLong(i)));
                        } else if (v instanceof Number num) {
                            row.put(name, num.longValue());
                        } else {
                            row.put(name, v instanceof java.sql.Timestamp ts ? ts.toInstant().toString() : String.valueOf(v));
                        }
                    }
                    n++;
                }
            }
        }
        return n;
    }
}
