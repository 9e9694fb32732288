package dev.opsdemo.mlflow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What {@code --mlflow} asked for: {@code auto}, {@code container}, {@code local}, or an existing server's URL. */
public record MlflowTarget(Kind kind, String url) {

    public enum Kind { AUTO, CONTAINER, LOCAL, EXTERNAL }

    public static final String USAGE = "auto, container, local, or an http(s) URL such as http://127.0.0.1:5000";

    /** Parses the option's value; an unusable one is an {@link IllegalArgumentException} naming what is wrong. */
    public static MlflowTarget parse(String value) {
        String trimmed = value == null ? "" : value.strip();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "auto":
                return new MlflowTarget(Kind.AUTO, null);
            case "container":
                return new MlflowTarget(Kind.CONTAINER, null);
            case "local":
                return new MlflowTarget(Kind.LOCAL, null);
            default:
                break;
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a URL (" + e.getReason() + "); expected "
                    + USAGE);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + value + "' is neither a mode nor an http(s) URL; expected "
                    + USAGE);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + value + "' has no host; expected " + USAGE);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("'" + uri.getHost() + "' URL carries credentials; put them in "
                    + "MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD instead, so they never show in output");
        }
        return new MlflowTarget(Kind.EXTERNAL, trimmed);
    }

    /**
     * Who the lane is to the server: MLflow's client settings from the environment for a server someone else runs
     * (it may run MLflow's authentication app); none for the servers the harness starts, which ask nobody.
     */
    public MlflowCredentials credentials() {
        return kind == Kind.EXTERNAL ? MlflowCredentials.fromEnvironment() : MlflowCredentials.NONE;
    }

    @Override
    public String toString() {
        return kind == Kind.EXTERNAL ? url : kind.name().toLowerCase(Locale.ROOT);
    }
}
