package dev.opsdemo.live;

/**
 * How a run is presented: live (typed commands, a pause before each step) or not; the typing speed in ms per
 * character (0 = no typing effect); an automatic advance after N seconds instead of waiting for a key (null = wait);
 * and the step to resume from (the steps before it run quietly).
 */
public record LiveSettings(boolean live, int typingMsPerChar, Integer autoAdvanceSeconds, String fromStep) {
}
