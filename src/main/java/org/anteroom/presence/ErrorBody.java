package org.anteroom.presence;

/** Every presence error: {@code {"error": "<clear message>"}}. */
public record ErrorBody(String error) {}
