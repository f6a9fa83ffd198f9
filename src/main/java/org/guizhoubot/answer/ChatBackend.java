package org.guizhoubot.answer;

import java.util.function.Consumer;

/**
 * One chat completion with a language model: a system message and a user message in, the model's
 * reply text out. Throws {@link LlmException} with the reason when there is no usable reply.
 */
public interface ChatBackend {
  String complete(String system, String user);

  /**
   * Like {@link #complete(String, String)}, handing each piece of the reply to {@code pieces} as it
   * arrives, the reply returned being the pieces joined; a backend that does not stream (the
   * default) hands out nothing, and the reply is shown only when it is final.
   */
  default String complete(String system, String user, Consumer<String> pieces) {
    return complete(system, user);
  }
}
