package dev.opsdemo.mlflow;

import dev.opsdemo.exec.Http;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.mlflow.tracking.creds.MlflowHostCredsProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who this run is to a tracking server that asks (MLflow's authentication app), from MLflow's own client settings
 * in the environment, read as its Python client reads them. {@code mlflow run} and {@code mlflow models serve}
 * inherit the environment, so they and the harness's Java client call as the same user. A shown command names the
 * variables, never their values ({@link #curlOptions}); {@link #toString} names which are set, not what they hold.
 */
public record MlflowCredentials(String username, String password, String token, boolean insecureTls,
                                String serverCertPath) {

    public MlflowCredentials(String username, String password, String token, boolean insecureTls) {
        this(username, password, token, insecureTls, null);
    }

    public static final String USERNAME = "MLFLOW_TRACKING_USERNAME";
    public static final String PASSWORD = "MLFLOW_TRACKING_PASSWORD";
    public static final String TOKEN = "MLFLOW_TRACKING_TOKEN";
    public static final String INSECURE_TLS = "MLFLOW_TRACKING_INSECURE_TLS";
    /** The PEM file of the certificate (or its CA's) an https server presents, as MLflow's client reads it. */
    public static final String SERVER_CERT_PATH = "MLFLOW_TRACKING_SERVER_CERT_PATH";

    /** The variables, as a message that asks for them names them. */
    public static final String VARIABLES = USERNAME + " and " + PASSWORD + " (or " + TOKEN + ")";

    public static final MlflowCredentials NONE = new MlflowCredentials(null, null, null, false);

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A new password (or secret) for an account the harness makes: 24 hex digits. MLflow asks for at least 12
     * characters, and no shell, JSON, URI or ini file quotes them.
     */
    public static String newPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    public static MlflowCredentials fromEnvironment() {
        return from(System.getenv());
    }

    static MlflowCredentials from(Map<String, String> env) {
        return new MlflowCredentials(blankIsNull(env.get(USERNAME)), blankIsNull(env.get(PASSWORD)),
                blankIsNull(env.get(TOKEN)), "true".equals(String.valueOf(env.get(INSECURE_TLS))
                .toLowerCase(Locale.ROOT)), ServerCertificate.path(env));
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A token wins over a user and password, as in MLflow's own client. */
    boolean basic() {
        return token == null && username != null && password != null;
    }

    public boolean any() {
        return token != null || basic();
    }

    /** The Java client's view of the same settings. */
    public MlflowHostCredsProvider provider(String trackingUri) {
        return new BasicMlflowHostCreds(trackingUri, basic() ? username : null, basic() ? password : null, token,
                insecureTls);
    }

    /** The HTTP headers that sign a plain request in as the Java client does: none without credentials. */
    public Map<String, String> headers() {
        return token != null ? Map.of("Authorization", "Bearer " + token)
                : basic() ? Map.of("Authorization", Http.basicAuthorization(username, password)) : Map.of();
    }

    /** curl's options for the same credentials, as a learner types them: the variables, which bash expands. */
    public String curlOptions() {
        String auth = token != null ? " -H \"Authorization: Bearer $" + TOKEN + "\""
                : basic() ? " -u \"$" + USERNAME + ":$" + PASSWORD + "\"" : "";
        return auth + (insecureTls ? " -k" : "") + (serverCertPath != null ? " --cacert \"$" + SERVER_CERT_PATH
                + "\"" : "");
    }

    /** The client settings as MLflow's CLI reads them from its environment, with the tracking URI. */
    public Map<String, String> environment(String trackingUri) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("MLFLOW_TRACKING_URI", trackingUri);
        if (basic()) {
            env.put(USERNAME, username);
            env.put(PASSWORD, password);
        }
        if (token != null) {
            env.put(TOKEN, token);
        }
        if (insecureTls) {
            env.put(INSECURE_TLS, "true");
        }
        if (serverCertPath != null) {
            // Absolute: mlflow run starts its entry points in the project, not where the harness was started.
            env.put(SERVER_CERT_PATH, serverCertPath);
        }
        return env;
    }

    /** The values no screen or record may hold. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        if (token != null) {
            secrets.add(token);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return token != null ? "a token (" + TOKEN + ")" : basic() ? "user " + username + " (" + USERNAME + ", "
                + PASSWORD + ")" : "no credentials";
    }
}
