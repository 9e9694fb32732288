package dev.opsdemo.mlflow;

import dev.opsdemo.workspace.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets a stack is made with, generated on its first start and kept beside its data (the database they
 * unlock), in a file only its owner can read, as the shell assignments a learner loads with
 * {@code set -a && . mlops/stack/stack.env && set +a}: the database's password (PostgreSQL's own variables, one to
 * create it, one to sign in), MLflow's admin password and the secret its sessions are signed with, and MLflow's
 * client settings that sign in as the admin. The same values on every later start: the database and the admin
 * account already hold them. They are secrets: masked wherever output goes, named (never given) by a shown command.
 */
public record StackSecrets(String databasePassword, String adminPassword, String sessionKey) {

    public static final String FILE_NAME = "stack.env";
    public static final String ADMIN = "admin";
    static final String DATABASE_PASSWORD = "POSTGRES_PASSWORD";
    /** What libpq (psycopg2, in MLflow) signs in to PostgreSQL with: the password stays out of every URI. */
    static final String DATABASE_SIGN_IN = "PGPASSWORD";
    public static final String ADMIN_PASSWORD = "MLFLOW_AUTH_ADMIN_PASSWORD";
    static final String SESSION_KEY = "MLFLOW_FLASK_SERVER_SECRET_KEY";

    /** What the tracking server's container is given by name (their values from the file). */
    static final List<String> SERVER_VARIABLES = List.of(ADMIN_PASSWORD, SESSION_KEY, DATABASE_SIGN_IN);

    public static StackSecrets loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            StackSecrets read = new StackSecrets(values.get(DATABASE_PASSWORD), values.get(ADMIN_PASSWORD),
                    values.get(SESSION_KEY));
            if (read.secrets().size() == 3) {
                return read;
            }
        }
        StackSecrets created = new StackSecrets(random(), random(), random());
        Files.createDirectories(dir);
        AtomicFile.writePrivate(file, created.fileText());
        return created;
    }

    private static String random() {
        return MlflowCredentials.newPassword();
    }

    private String fileText() {
        return "# The secrets of this workspace's MLflow stack (--mlflow stack), made on its first start; the harness\n"
                + "# never prints them. Load them with: set -a && . mlops/stack/" + FILE_NAME + " && set +a\n"
                + String.join("", environment().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue() + "\n").toList());
    }

    /** Every variable of the file: the servers' and the admin's client settings. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DATABASE_PASSWORD, databasePassword);
        env.put(DATABASE_SIGN_IN, databasePassword);
        env.put(ADMIN_PASSWORD, adminPassword);
        env.put(SESSION_KEY, sessionKey);
        env.put(MlflowCredentials.USERNAME, ADMIN);
        env.put(MlflowCredentials.PASSWORD, adminPassword);
        return env;
    }

    /** Who the harness is to the stack's MLflow: its admin. */
    public MlflowCredentials admin() {
        return new MlflowCredentials(ADMIN, adminPassword, null, false);
    }

    public List<String> secrets() {
        return java.util.stream.Stream.of(databasePassword, adminPassword, sessionKey)
                .filter(value -> value != null && !value.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "StackSecrets[********]";
    }
}
