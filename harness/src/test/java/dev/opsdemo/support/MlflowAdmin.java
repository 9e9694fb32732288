package dev.opsdemo.support;

import dev.opsdemo.mlflow.MlflowCredentials;

import java.util.Map;

/** The admin of a tracking server that runs MLflow's authentication app (harness classroom makes the accounts). */
public record MlflowAdmin(String url, String username, String password) {

    /** MLflow's client settings that sign in as the admin. */
    public Map<String, String> credentials() {
        return Map.of(MlflowCredentials.USERNAME, username, MlflowCredentials.PASSWORD, password);
    }
}
