package dev.opsdemo.mlflow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What {@code --mlflow} asked for: {@code auto}, {@code container}, {@code local}, {@code stack}, or an existing
 * server's URL. {@code signedIn}: for an existing server, who the harness is to it when not MLflow's client settings
 * in the environment (the teacher's view reads a class's server as the admin the classroom started it with); null
 * otherwise.
 */
public record MlflowTarget(Kind kind, String url, MlflowCredentials signedIn) {

    public MlflowTarget(Kind kind, String url) {
        this(kind, url, null);
    }

    /** An existing server at {@code url}, signed in to as {@code credentials}. */
    public static MlflowTarget signedIn(String url, MlflowCredentials credentials) {
        return new MlflowTarget(Kind.EXTERNAL, parse(url).url(), credentials);
    }

    public enum Kind { AUTO, CONTAINER, LOCAL, STACK, EXTERNAL }

    public static final String USAGE = "auto, container, local, stack, or an http(s) URL such as "
            + "http://127.0.0.1:5000";

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
            case "stack":
                return new MlflowTarget(Kind.STACK, null);
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
     * (it may run MLflow's authentication app); none for the servers the harness starts, which ask nobody or (the
     * stack) let in the admin the harness made ({@link MlflowServer#ownCredentials}).
     */
    public MlflowCredentials credentials() {
        return switch (kind) {
            case EXTERNAL -> signedIn != null ? signedIn : MlflowCredentials.fromEnvironment();
            // The stack's admin, whose password the stack's first start makes: until the server step has read it,
            // what the shown curl lines need, that the lane signs in with a user and password.
            case STACK -> new MlflowCredentials(StackSecrets.ADMIN, "", null, false);
            default -> MlflowCredentials.NONE;
        };
    }

    @Override
    public String toString() {
        return kind == Kind.EXTERNAL ? url : kind.name().toLowerCase(Locale.ROOT);
    }
}
