package io.carga.platform.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.db.Ids;
import io.carga.platform.db.Sql;
import io.carga.platform.http.ApiError;
import io.carga.platform.http.Body;
import io.carga.platform.http.Exchange;
import io.carga.platform.http.Router;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * {@code POST /auth/login}: e-mail and password in, a signed token out, both in the JSON body and as an
 * HttpOnly session cookie. The cookie is there because the spec's Locust journey logs in once in
 * {@code on_start} and never copies the token into a header; Locust's client keeps cookies, so its
 * later {@code /api/**} calls are authenticated exactly as a browser's would be.
 */
public final class AuthRoutes {
    private final Sql sql;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final String dummyHash;

    public AuthRoutes(Sql sql, PasswordHasher hasher, TokenService tokens) {
        this.sql = sql;
        this.hasher = hasher;
        this.tokens = tokens;
        // Unknown e-mails are checked against this, so they cost the same time as a wrong password and
        // response timing does not reveal which accounts exist.
        this.dummyHash = hasher.hash("not-a-password");
    }

    public void register(Router r) {
        r.route("POST", "/auth/login", Router.Access.PUBLIC, this::login);
    }

    private void login(Exchange ex) throws Exception {
        Body b = ex.json();
        String email = b.requiredText("email", 254).toLowerCase(Locale.ROOT);
        if (email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
            throw ApiError.invalid("email", "'email' must be an e-mail address");
        }
        String password = b.requiredText("password", 200);
        Object[] user = sql.query("find_user_by_email", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, business_id, password_hash FROM users WHERE email = ?")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)} : null;
                }
            }
        });
        boolean ok = hasher.verify(password, user == null ? dummyHash : (String) user[2]);
        if (user == null || !ok) {
            throw new ApiError(401, "invalid_credentials", null, "e-mail or password is wrong");
        }
        Principal p = new Principal((Long) user[0], (Long) user[1]);
        String token = tokens.issue(p);
        ex.header("Set-Cookie", Router.SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
                + tokens.ttl().toSeconds());
        ObjectNode out = ex.mapper().createObjectNode();
        out.put("access_token", token);
        out.put("token_type", "Bearer");
        out.put("expires_in", tokens.ttl().toSeconds());
        out.put("user_id", Ids.user(p.userId()));
        out.put("business_id", Ids.business(p.businessId()));
        ex.send(200, out);
    }
}
