package io.carga.platform.upload;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Decides whether bytes are really a PNG or a JPEG, the way an image pipeline would before accepting a
 * file: the magic bytes must match and the header that carries the dimensions must decode (for PNG the
 * IHDR chunk with a valid CRC; for JPEG a start-of-frame segment before the scan). The declared
 * content type is not trusted: {@code b'fake_png_data'} sent as image/png is rejected.
 */
public final class ImageInspector {

    /** A recognised image. */
    public record Image(String contentType, int width, int height) {}

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageInspector() {}

    public static Optional<Image> inspect(byte[] data) {
        if (startsWith(data, PNG_MAGIC)) {
            return png(data);
        }
        if (data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return jpeg(data);
        }
        return Optional.empty();
    }

    private static Optional<Image> png(byte[] d) {
        if (d.length < 8 + 25) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(d);
        int length = b.getInt(8);
        if (length != 13 || d[12] != 'I' || d[13] != 'H' || d[14] != 'D' || d[15] != 'R') {
            return Optional.empty();
        }
        int width = b.getInt(16);
        int height = b.getInt(20);
        int bitDepth = d[24];
        int colorType = d[25];
        CRC32 crc = new CRC32();
        crc.update(d, 12, 17);
        if ((int) crc.getValue() != b.getInt(29) || width <= 0 || height <= 0
                || !(colorType == 0 || colorType == 2 || colorType == 3 || colorType == 4 || colorType == 6)
                || !(bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16)) {
            return Optional.empty();
        }
        return Optional.of(new Image("image/png", width, height));
    }

    private static Optional<Image> jpeg(byte[] d) {
        int i = 2;
        while (i + 4 <= d.length) {
            if ((d[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return Optional.empty(); // end of image or scan before any frame header
            }
            int len = ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
            if (len < 2 || i + 2 + len > d.length) {
                return Optional.empty();
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (len < 8) {
                    return Optional.empty();
                }
                int height = ((d[i + 5] & 0xFF) << 8) | (d[i + 6] & 0xFF);
                int width = ((d[i + 7] & 0xFF) << 8) | (d[i + 8] & 0xFF);
                return width > 0 && height > 0 ? Optional.of(new Image("image/jpeg", width, height)) : Optional.empty();
            }
            i += 2 + len;
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
