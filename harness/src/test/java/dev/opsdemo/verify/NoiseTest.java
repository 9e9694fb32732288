package dev.opsdemo.verify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What verify leaves out: machine-dependent entries of MLflow's answers compare equal whether present or not. */
class NoiseTest {

    @Test
    void theUserAndTheCheckoutsGitRemoteAreLeftOutOfARunsTags() {
        List<String> clone = List.of("{", "  \"user_id\": \"ci\",", "  \"tags\": [", "    {",
                "      \"key\": \"mlflow.user\",", "      \"value\": \"ci\"", "    },", "    {",
                "      \"key\": \"mlflow.source.git.repoURL\",", "      \"value\": \"https://example.org/repo.git\"",
                "    },", "    {", "      \"key\": \"mlflow.runName\",", "      \"value\": \"calm-fox-1\"", "    },",
                "    {", "      \"key\": \"mlflow.source.git.repoURL\",", "      \"value\": \"/src\"", "    }",
                "  ]", "}");
        List<String> copy = List.of("{", "  \"user_id\": \"root\",", "  \"tags\": [", "    {",
                "      \"key\": \"mlflow.user\",", "      \"value\": \"root\"", "    },", "    {",
                "      \"key\": \"mlflow.runName\",", "      \"value\": \"calm-fox-1\"", "    }", "  ]", "}");
        assertEquals(Noise.without(copy), Noise.without(clone));
        assertEquals(List.of("{", "  \"tags\": [", "    {", "      \"key\": \"mlflow.runName\",",
                "      \"value\": \"calm-fox-1\"", "    }", "  ]", "}"), Noise.without(copy));
    }
}
