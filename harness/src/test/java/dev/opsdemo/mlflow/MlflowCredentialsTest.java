package dev.opsdemo.mlflow;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MLflow's client settings read as its Python client reads them, and shown without their values. */
class MlflowCredentialsTest {

    private static final String PASSWORD = "ada-password-1234";

    @Test
    void aUserAndPasswordSignInWithBasicAuthAndShowOnlyTheVariables() {
        MlflowCredentials ada = MlflowCredentials.from(Map.of(MlflowCredentials.USERNAME, "ada",
                MlflowCredentials.PASSWORD, PASSWORD));
        assertTrue(ada.any());
        assertEquals(" -u \"$MLFLOW_TRACKING_USERNAME:$MLFLOW_TRACKING_PASSWORD\"", ada.curlOptions());
        assertEquals(Map.of("Authorization", "Basic YWRhOmFkYS1wYXNzd29yZC0xMjM0"), ada.headers());
        assertEquals(List.of(PASSWORD), ada.secrets());
        assertEquals("user ada (MLFLOW_TRACKING_USERNAME, MLFLOW_TRACKING_PASSWORD)", ada.toString());
        assertEquals("ada", ada.provider("http://127.0.0.1:5000").getHostCreds().getUsername());
    }

    @Test
    void aTokenWinsOverAUserAndPasswordAsInMlflowsClient() {
        MlflowCredentials both = MlflowCredentials.from(Map.of(MlflowCredentials.USERNAME, "ada",
                MlflowCredentials.PASSWORD, PASSWORD, MlflowCredentials.TOKEN, "tok-123456"));
        assertEquals(" -H \"Authorization: Bearer $MLFLOW_TRACKING_TOKEN\"", both.curlOptions());
        assertEquals(Map.of("Authorization", "Bearer tok-123456"), both.headers());
        assertNull(both.provider("http://127.0.0.1:5000").getHostCreds().getUsername());
        assertEquals("tok-123456", both.provider("http://127.0.0.1:5000").getHostCreds().getToken());
        assertFalse(both.toString().contains("tok-123456"), both.toString());
        assertTrue(both.secrets().containsAll(List.of(PASSWORD, "tok-123456")));
    }

    @Test
    void aUserWithoutAPasswordOrBlankValuesAreNoCredentials() {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of(MlflowCredentials.USERNAME, "ada"),
                Map.of(MlflowCredentials.USERNAME, " ", MlflowCredentials.PASSWORD, " "))) {
            MlflowCredentials none = MlflowCredentials.from(env);
            assertFalse(none.any(), env.toString());
            assertEquals("", none.curlOptions());
            assertEquals(Map.of(), none.headers());
            assertEquals("no credentials", none.toString());
        }
    }

    @Test
    void insecureTlsAddsCurlsOwnOption() {
        MlflowCredentials insecure = MlflowCredentials.from(Map.of(MlflowCredentials.TOKEN, "tok-123456",
                MlflowCredentials.INSECURE_TLS, "True"));
        assertTrue(insecure.curlOptions().endsWith(" -k"), insecure.curlOptions());
        assertTrue(insecure.provider("https://mlflow.invalid").getHostCreds().shouldIgnoreTlsVerification());
    }

    @Test
    void onlyAServerSomeoneElseRunsIsAskedWithCredentials() {
        assertSame(MlflowCredentials.NONE, MlflowTarget.parse("local").credentials());
        assertSame(MlflowCredentials.NONE, MlflowTarget.parse("container").credentials());
    }
}
