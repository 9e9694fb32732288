package dev.opsdemo.support;

import dev.opsdemo.mlflow.MlflowCredentials;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** The admin of a tracking server that runs MLflow's authentication app, making accounts as an instructor would. */
public record MlflowAdmin(String url, String username, String password) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new user, as the admin makes one ({@code POST users/create}); returns MLflow's client settings that sign in
     * as them, as a learner exports them.
     */
    public Map<String, String> createUser(String name) throws Exception {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Shell.Output created = Shell.run(Path.of("."), "curl", "-sS", "-f", "-u", username + ":" + this.password,
                url + "/api/2.0/mlflow/users/create", "--json",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
        if (created.exitCode() != 0) {
            throw new AssertionError("users/create " + name + " failed:\n" + created.text());
        }
        return Map.of(MlflowCredentials.USERNAME, name, MlflowCredentials.PASSWORD, password);
    }

    /** MLflow's client settings that sign in as the admin. */
    public Map<String, String> credentials() {
        return Map.of(MlflowCredentials.USERNAME, username, MlflowCredentials.PASSWORD, password);
    }
}
