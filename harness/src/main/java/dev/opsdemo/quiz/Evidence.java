package dev.opsdemo.quiz;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which of a run's recorded facts a question points at once it is answered (questions.json's {@code evidence}). */
public enum Evidence {
    /** What each lane versioned: a commit, against a run of commit + data + params that made a model version. */
    @JsonProperty("versioned") VERSIONED,
    /** The training run and the model version it made, which a code pipeline has no counterpart for. */
    @JsonProperty("model-version") MODEL_VERSION,
    /** Both lanes deployed automatically: the app and the model server. */
    @JsonProperty("deployed") DEPLOYED,
    /** The data contract check that stops a pipeline before training on bad data. */
    @JsonProperty("data-contract") DATA_CONTRACT,
    /** The monitoring run: drift, decay and the champion/challenger decision. */
    @JsonProperty("monitoring") MONITORING
}
