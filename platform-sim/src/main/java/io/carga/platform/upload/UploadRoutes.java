package io.carga.platform.upload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.auth.Principal;
import io.carga.platform.db.Sql;
import io.carga.platform.http.ApiError;
import io.carga.platform.http.Exchange;
import io.carga.platform.http.Router;

import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code POST /api/v1/upload/logo}: multipart with a {@code file} part holding a real PNG or JPEG.
 * 413 beyond the size limit, 415 for anything that is not multipart or not a decodable image, 400 for a
 * missing part or absurd dimensions. Only metadata and a SHA-256 are stored (bytes would go to object
 * storage on a real platform).
 */
public final class UploadRoutes {
    /** Multipart framing around the file: headers and boundaries, allowed on top of the file limit. */
    private static final int FRAMING_ALLOWANCE = 16 * 1024;
    private static final int MAX_DIMENSION = 8_192;

    private final Sql sql;
    private final long maxUploadBytes;

    public UploadRoutes(Sql sql, long maxUploadBytes) {
        this.sql = sql;
        this.maxUploadBytes = maxUploadBytes;
    }

    public void register(Router r) {
        r.route("POST", "/api/v1/upload/logo", Router.Access.USER, this::logo);
    }

    private void logo(Exchange ex) throws Exception {
        String boundary = Multipart.boundary(ex.contentType()).orElseThrow(() -> new ApiError(415, "unsupported_media_type",
                "Content-Type", "expected multipart/form-data with a boundary, got '" + ex.contentType() + "'"));
        byte[] body = ex.bytes(maxUploadBytes + FRAMING_ALLOWANCE);
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(body, boundary);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "malformed_multipart", "body", e.getMessage());
        }
        Multipart.Part file = parts.stream().filter(p -> "file".equals(p.name())).findFirst()
                .orElseThrow(() -> ApiError.missing("file"));
        if (file.data().length > maxUploadBytes) {
            throw new ApiError(413, "payload_too_large", "file", "logo exceeds " + maxUploadBytes + " bytes");
        }
        ImageInspector.Image img = ImageInspector.inspect(file.data()).orElseThrow(() -> new ApiError(415,
                "unsupported_media_type", "file", "file is not a decodable PNG or JPEG image"));
        if (img.width() > MAX_DIMENSION || img.height() > MAX_DIMENSION) {
            throw ApiError.invalid("file", "logo dimensions must be at most " + MAX_DIMENSION + " pixels per side");
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.data()));
        String filename = file.filename() == null || file.filename().isBlank() ? "logo" : file.filename();
        Principal p = ex.principal();
        long id = sql.query("insert_upload", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO uploads (business_id, user_id, kind, filename, content_type, "
                    + "size_bytes, width, height, sha256) VALUES (?, (SELECT id FROM users WHERE id = ?), 'logo', ?,?,?,?,?,?) RETURNING id")) {
                ps.setLong(1, p.businessId());
                ps.setLong(2, p.userId());
                ps.setString(3, filename.length() > 255 ? filename.substring(0, 255) : filename);
                ps.setString(4, img.contentType());
                ps.setInt(5, file.data().length);
                ps.setInt(6, img.width());
                ps.setInt(7, img.height());
                ps.setString(8, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        ObjectNode out = ex.mapper().createObjectNode();
        out.put("upload_id", "upl_" + id);
        out.put("filename", filename);
        out.put("content_type", img.contentType());
        out.put("size_bytes", file.data().length);
        out.put("width", img.width());
        out.put("height", img.height());
        out.put("sha256", sha);
        ex.send(201, out);
    }
}
