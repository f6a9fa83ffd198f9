package org.guizhoubot.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guizhoubot.retrieval.Retrieval;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with a language model that may use only the retrieved passages and must cite them as
 * [n]. Markers that point to no passage are dropped and the rest renumbered; the citations are
 * built from the passages actually cited, never from the model's text. When the model fails, is
 * too slow, cites nothing valid or says the passages do not hold the answer, the fallback
 * composer's outcome is returned instead, so a question always gets a reply. When the extractive
 * decision is far below its threshold, the LLM is not asked. The question is weighed offline once.
 */
public final class LlmComposer implements AnswerComposer {
  public static final String NAME = "llm";
  private static final Logger log = LoggerFactory.getLogger(LlmComposer.class);
  private final TimedBackend backend;
  private final ExtractiveComposer fallback;

  /**
   * @param deadline the longest a whole call may take, reply body included, before the fallback
   *     answers; set it a little above the HTTP timeout of the backend
   */
  public LlmComposer(ChatBackend backend, ExtractiveComposer fallback, Duration deadline) {
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.backend = new TimedBackend(backend, deadline, "llm-call");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome compose(String question, Retrieval retrieval) {
    return compose(Asked.english(question), retrieval);
  }

  /**
   * Asks the model the question as asked, in its own language, with the conversation's earlier
   * questions; the answer is in the question's language.
   */
  @Override
  public Outcome compose(Asked asked, Retrieval retrieval) {
    return compose(asked, retrieval, AnswerStream.NONE);
  }

  /**
   * As {@link #compose(Asked, Retrieval)}, streaming the reply to {@code stream} as the model writes
   * it (unless it is {@link AnswerStream#NONE}); the outcome is the one the call without a stream
   * gives for the same reply. When the model fails while streaming, the stream hears
   * {@link AnswerStream#failed()} before the offline outcome is returned.
   */
  @Override
  public Outcome compose(Asked asked, Retrieval retrieval, AnswerStream stream) {
    List<RetrievedPassage> passages = retrieval.passages();
    ExtractiveComposer.Weighed offline = fallback.weigh(asked, retrieval);
    if (passages.isEmpty()) {
      return fallback.decide(offline, passages);
    }
    if (offline.farBelowThreshold()) {
      log.debug("Not asking the LLM: the offline decision is far below its threshold");
      return fallback.decide(offline, passages);
    }
    String question = asked.reading();
    String reply;
    try {
      if (stream == AnswerStream.NONE) {
        reply = backend.complete(LlmPrompt.SYSTEM, LlmPrompt.user(asked, passages));
      } else {
        ShownText shown = new ShownText(articlesOf(passages), stream);
        reply = backend.complete(LlmPrompt.SYSTEM, LlmPrompt.user(asked, passages), shown::append);
      }
    } catch (LlmException e) {
      log.warn("LLM answer failed ({}); sending the {} answer", e.getMessage(), fallback.name());
      if (stream != AnswerStream.NONE) {
        stream.failed();
      }
      return fallback.decide(offline, passages);
    }
    if (LlmReply.isRefusal(reply)) {
      log.info("LLM found no answer in the {} passages; the {} composer decides", passages.size(),
          fallback.name());
      return fallback.decide(offline, passages);
    }
    LlmReply.Checked checked = LlmReply.check(reply, articlesOf(passages));
    if (checked.cited().isEmpty() || checked.text().isBlank()) {
      log.warn("LLM answer cited none of the {} passages; sending the {} answer", passages.size(),
          fallback.name());
      return fallback.decide(offline, passages);
    }
    List<Citation> citations = new ArrayList<>();
    for (int i = 0; i < checked.cited().size(); i++) {
      RetrievedPassage p = passages.get(checked.cited().get(i));
      citations.add(new Citation(i + 1, p.article().id(), p.article().title(), p.article().source(),
          p.article().published(), p.article().url(), p.passage().text()));
    }
    Optional<String> problem = Outcome.Answered.problem(checked.text(), citations);
    if (problem.isPresent()) {
      log.warn("LLM answer failed the answer checks ({}); sending the {} answer", problem.get(), fallback.name());
      return fallback.decide(offline, passages);
    }
    return new Outcome.Answered(question, checked.text(), citations, NAME);
  }

  private static List<String> articlesOf(List<RetrievedPassage> passages) {
    return passages.stream().map(p -> p.article().id()).toList();
  }

  /** Stops the call threads, cancelling calls in flight, and closes the fallback. */
  @Override
  public void close() {
    backend.close();
    fallback.close();
  }
}
