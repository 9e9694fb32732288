package dev.opsdemo.support;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class of the end-to-end tier: it runs a lane, a demo, the harness as a process, an MLflow server, a
 * container, tmux or Chromium. {@code ./scripts/test.sh --fast} leaves these out ({@code -DexcludedGroups=e2e});
 * {@code ./scripts/test.sh} runs them too. Everything without it is a unit test and must stay one: in the fast tier
 * {@link Tier#endToEndOnly} fails a test that starts such work anyway.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(EndToEnd.TAG)
public @interface EndToEnd {
    String TAG = "e2e";
}
