package dev.opsdemo.support;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.LocalService;
import dev.opsdemo.exec.Ports;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An https front to an http server, as a class's server often sits behind one: Apache from the OS packages (mod_ssl,
 * mod_proxy_http) on 127.0.0.1, with a certificate made here by openssl that no CA signed, so only a client given its
 * PEM file ({@link #certificate}) trusts it. {@code /health} on a second, plain port says when Apache is up.
 */
public final class TlsProxy implements AutoCloseable {

    private static final Path APACHE = Path.of("/usr/sbin/apache2");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");

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
        CiTool.require(Files.isExecutable(APACHE) && Files.isRegularFile(MODULES.resolve("mod_ssl.so")),
                "no " + APACHE + " with mod_ssl (apt-get install apache2)");
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
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(config, String.join("\n", List.of(
                "ServerRoot /etc/apache2",
                "ServerName 127.0.0.1",
                "Listen 127.0.0.1:" + plain,
                "Listen 127.0.0.1:" + tls,
                "DefaultRuntimeDir " + run,
                "PidFile " + run.resolve("httpd.pid"),
                "ErrorLog " + dir.resolve("error.log"),
                "LogLevel warn",
                module("mpm_event"), module("authz_core"), module("socache_shmcb"), module("ssl"), module("proxy"),
                module("proxy_http"),
                root ? "User www-data\nGroup www-data" : "",
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
        if (root) {
            // The workers read the health page through the test's temporary directories (made 0700).
            for (Path up = docs.toAbsolutePath(); up != null && up.getNameCount() > 1; up = up.getParent()) {
                Shell.ok(dir, "chmod", "o+x", up.toString());
            }
            Shell.ok(dir, "chmod", "o+r", docs.resolve("health").toString());
        }
        Cleanup cleanup = new Cleanup(problem -> { });
        try {
            LocalService.start(new ProcessRunner(cleanup), new ProcessCommand(List.of(APACHE.toString(), "-f",
                    config.toString(), "-DFOREGROUND"), dir, Map.of()), line -> { }, "apache2 as an https proxy",
                    plain, "/health", Duration.ofSeconds(30));
            return new TlsProxy(cleanup, "https://127.0.0.1:" + tls, certificate);
        } catch (RuntimeException e) {
            cleanup.close();
            throw e;
        }
    }

    private static String module(String name) {
        return "LoadModule " + name + "_module " + MODULES.resolve("mod_" + name + ".so");
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
