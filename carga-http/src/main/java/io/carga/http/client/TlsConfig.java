package io.carga.http.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How TLS servers are trusted. The default trusts the JDK's CA certificates and checks host names; trusting a
 * staging certificate or trusting everything must be asked for by name.
 *
 * <pre>{@code
 * TlsConfig.system();
 * TlsConfig.trustCertificate(Path.of("staging-ca.pem"));   // plus the JDK's CAs
 * TlsConfig.insecureTrustAll();                             // no verification at all
 * }</pre>
 */
public record TlsConfig(SSLContext context, boolean verifyHostname) {

    public static TlsConfig system() {
        try {
            return new TlsConfig(SSLContext.getDefault(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /**
     * Trusts the certificates in a PEM or DER file (a staging CA or a self-signed server certificate) besides the
     * JDK's CAs. Each call makes a new TLS context: create it once and keep it.
     */
    public static TlsConfig trustCertificate(Path certificateFile) {
        try (InputStream in = Files.newInputStream(certificateFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + certificateFile);
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("staging-" + i++, c);
            }
            X509TrustManager staging = trustManager(ks);
            X509TrustManager system = trustManager(null);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new EitherTrustManager(staging, system)}, null);
            return new TlsConfig(ctx, true);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificate " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    /** Accepts any certificate and any host name. For throwaway test servers only. Always the same instance. */
    public static TlsConfig insecureTrustAll() {
        return Insecure.INSTANCE;
    }

    private static final class Insecure {
        static final TlsConfig INSTANCE = create();

        private static TlsConfig create() {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustAll()}, null);
                return new TlsConfig(ctx, false);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static X509TrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            second.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
