package dev.mint.tinker.client.model;

import java.util.List;

/** One page of session ids (this list has no cursor). */
public record ListSessionsResponse(List<String> sessions) {
    public ListSessionsResponse {
        sessions = Wire.requiredList(sessions, "sessions");
    }
}
