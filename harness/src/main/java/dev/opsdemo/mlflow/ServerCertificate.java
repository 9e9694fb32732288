package dev.opsdemo.mlflow;

import dev.opsdemo.workspace.UsageException;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@value MlflowCredentials#SERVER_CERT_PATH} for the harness's own clients, as MLflow's Python client honours it
 * for {@code mlflow run} and {@code mlflow models serve}: the PEM file of the certificate an https tracking server
 * presents, or of the CA that signed it. The MLflow Java client has no such setting, and it and the harness's REST
 * calls trust what the JVM trusts; so, before any connection, the JVM is given a trust store of its own CAs plus the
 * file's certificates (a temporary PKCS12 file: certificates are public, its password guards nothing). Likewise
 * {@value MlflowCredentials#INSECURE_TLS}: the Java client skips verification itself, and the harness's own REST
 * calls (the JDK's HTTP client) are told to as well, as the user asked of every MLflow call.
 */
public final class ServerCertificate {

    private static final char[] STORE_PASSWORD = "opsdemo".toCharArray();

    private ServerCertificate() {
    }

    /** The variable's file as an absolute path; null when it is not set. */
    static String path(Map<String, String> env) {
        String value = env.get(MlflowCredentials.SERVER_CERT_PATH);
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath().normalize().toString();
    }

    /**
     * Makes the JVM trust the variable's certificates too, when it is set.
     *
     * @throws UsageException when it names no readable file of PEM certificates (exit 2: nothing has started)
     */
    public static void trustFromEnvironment() {
        if ("true".equalsIgnoreCase(String.valueOf(System.getenv(MlflowCredentials.INSECURE_TLS)).strip())) {
            trustAnyServer();
        }
        String path = path(System.getenv());
        if (path == null) {
            return;
        }
        List<Certificate> certificates = read(Path.of(path));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : jdkCas()) {
                store.setCertificateEntry("jdk-" + n++, ca);
            }
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("server-" + n++, certificate);
            }
            Path file = Files.createTempFile("opsdemo-truststore-", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, STORE_PASSWORD);
            }
            System.setProperty("javax.net.ssl.trustStore", file.toString());
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            System.setProperty("javax.net.ssl.trustStorePassword", new String(STORE_PASSWORD));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a trust store with " + path + ": " + e.getMessage(), e);
        }
    }

    /** What MLFLOW_TRACKING_INSECURE_TLS=true asks: no certificate or host name checked (a self-signed server). */
    private static void trustAnyServer() {
        X509TrustManager any = new X509TrustManager() {
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
        };
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {any}, null);
            javax.net.ssl.SSLContext.setDefault(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context that skips verification: " + e.getMessage(), e);
        }
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
    }

    /** The certificates of a PEM file (one or a chain). */
    static List<Certificate> read(Path file) {
        String rule = "set " + MlflowCredentials.SERVER_CERT_PATH + " to the PEM file of the server's certificate "
                + "or of its CA (-----BEGIN CERTIFICATE-----), or unset it";
        List<Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (IOException e) {
            throw new UsageException(MlflowCredentials.SERVER_CERT_PATH + " names " + file + ", which cannot be read ("
                    + e.getClass().getSimpleName() + ")", rule);
        } catch (GeneralSecurityException e) {
            throw new UsageException(MlflowCredentials.SERVER_CERT_PATH + " names " + file + ", which holds no "
                    + "certificate (" + e.getMessage() + ")", rule);
        }
        if (certificates.isEmpty()) {
            throw new UsageException(MlflowCredentials.SERVER_CERT_PATH + " names " + file + ", which holds no "
                    + "certificate", rule);
        }
        return certificates;
    }

    private static List<X509Certificate> jdkCas() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> cas = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                cas.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return cas;
    }
}
