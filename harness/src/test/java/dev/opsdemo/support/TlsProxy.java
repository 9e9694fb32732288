package dev.opsdemo.support;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An https front to an http server, as a class's server often sits behind one: Apache from the OS packages (mod_ssl,
 * mod_proxy_http) on 127.0.0.1, with a certificate made here by openssl that no CA signed, so only a client given its
 * PEM file ({@link #certificate}) trusts it. {@code /health} on a second, plain port says when Apache is up.
 */
public final class TlsProxy implements AutoCloseable {

    private final Cleanup cleanup;
    private final String url;
    private final Path certificate;

    private TlsProxy(Cleanup cleanup, String url, Path certificate) {
        this.cleanup = cleanup;
        this.url = url;
        this.certificate = certificate;
    }

    /** https://127.0.0.1:PORT in front of {@code backend} (http://127.0.0.1:PORT). */
    public static TlsProxy start(Path dir, String backend) throws Exception {
        Tier.endToEndOnly("an https proxy");
        CiTool.require(Apache.installed("ssl", "proxy_http"), "no " + Apache.BINARY + " with mod_ssl and "
                + "mod_proxy_http (apt-get install apache2)");
        Path run = Files.createDirectories(dir.resolve("run"));
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("health"), "OK\n");
        Path certificate = dir.resolve("server.pem");
        Path key = dir.resolve("server.key");
        Shell.ok(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out",
                certificate.toString());
        int tls = Ports.freeLoopbackPort();
        int plain = Ports.freeLoopbackPort();
        Path config = dir.resolve("httpd.conf");
        boolean root = Apache.asRoot();
        Files.writeString(config, String.join("\n", List.of(
                "ServerRoot /etc/apache2",
                "ServerName 127.0.0.1",
                "Listen 127.0.0.1:" + plain,
                "Listen 127.0.0.1:" + tls,
                "DefaultRuntimeDir " + run,
                "PidFile " + run.resolve("httpd.pid"),
                "ErrorLog " + dir.resolve("error.log"),
                "LogLevel warn",
                Apache.modules("mpm_event", "authz_core", "socache_shmcb", "ssl", "proxy", "proxy_http"),
                root ? "User " + Apache.WORKER_USER + "\nGroup " + Apache.WORKER_USER : "",
                "DocumentRoot " + docs,
                "<Directory " + docs + ">",
                "  Require all granted",
                "</Directory>",
                "<VirtualHost 127.0.0.1:" + tls + ">",
                "  SSLEngine on",
                "  SSLCertificateFile " + certificate,
                "  SSLCertificateKeyFile " + key,
                "  ProxyPass / " + backend + "/",
                "  ProxyPassReverse / " + backend + "/",
                "  ProxyTimeout 120",
                "</VirtualHost>", "")));
        Apache.openToWorkers(docs);
        Cleanup cleanup = new Cleanup(problem -> { });
        try {
            Apache.start(cleanup, dir, config, "apache2 as an https proxy", plain, "/health");
            return new TlsProxy(cleanup, "https://127.0.0.1:" + tls, certificate);
        } catch (RuntimeException e) {
            cleanup.close();
            throw e;
        }
    }

    public String url() {
        return url;
    }

    /** The PEM file of the certificate the proxy presents: what MLFLOW_TRACKING_SERVER_CERT_PATH names. */
    public Path certificate() {
        return certificate;
    }

    @Override
    public void close() {
        cleanup.close();
    }
}
