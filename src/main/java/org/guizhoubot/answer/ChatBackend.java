package org.guizhoubot.answer;

/**
 * One chat completion with a language model: a system message and a user message in, the model's
 * reply text out. Throws {@link LlmException} with the reason when there is no usable reply.
 */
public interface ChatBackend {
  String complete(String system, String user);
}
