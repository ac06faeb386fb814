package dev.mint.tinker;

/** A sampling session: a base model, with LoRA weights when {@code modelPath} is set. */
record Sampler(String id, String sessionId, long ownerId, String baseModel, String modelPath) {
}
