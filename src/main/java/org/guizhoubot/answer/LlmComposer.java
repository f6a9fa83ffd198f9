package org.guizhoubot.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.guizhoubot.concurrent.DaemonThreads;
import org.guizhoubot.retrieval.Retrieval;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with a language model that may use only the retrieved passages and must cite them as
 * [n]. Markers that point to no passage are dropped and the rest renumbered; the citations are
 * built from the passages actually cited, never from the model's text. When the model fails, is
 * too slow, cites nothing valid or says the passages do not hold the answer, the fallback
 * composer's outcome is returned instead, so a question always gets a reply. When the fallback is
 * the extractive composer and its decision is far below its threshold, the LLM is not asked.
 */
public final class LlmComposer implements AnswerComposer {
  public static final String NAME = "llm";
  private static final Logger log = LoggerFactory.getLogger(LlmComposer.class);
  private final ExecutorService calls = Executors.newCachedThreadPool(DaemonThreads.factory("llm-call"));

  private final ChatBackend backend;
  private final AnswerComposer fallback;
  private final Duration deadline;

  /**
   * @param deadline the longest a whole call may take, reply body included, before the fallback
   *     answers; set it a little above the HTTP timeout of the backend
   */
  public LlmComposer(ChatBackend backend, AnswerComposer fallback, Duration deadline) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome compose(String question, Retrieval retrieval) {
    List<RetrievedPassage> passages = retrieval.passages();
    if (passages.isEmpty()) {
      return fallback.compose(question, retrieval);
    }
    if (fallback instanceof ExtractiveComposer offline && offline.farBelowThreshold(question, retrieval)) {
      log.debug("Not asking the LLM: the offline decision is far below its threshold");
      return fallback.compose(question, retrieval);
    }
    String reply;
    try {
      reply = call(LlmPrompt.SYSTEM, LlmPrompt.user(question, passages));
    } catch (LlmException e) {
      log.warn("LLM answer failed ({}); sending the {} answer", e.getMessage(), fallback.name());
      return fallback.compose(question, retrieval);
    }
    if (LlmReply.isRefusal(reply)) {
      log.info("LLM found no answer in the {} passages; the {} composer decides", passages.size(),
          fallback.name());
      return fallback.compose(question, retrieval);
    }
    LlmReply.Checked checked = LlmReply.check(reply, passages.size());
    if (checked.cited().isEmpty() || checked.text().isBlank()) {
      log.warn("LLM answer cited none of the {} passages; sending the {} answer", passages.size(),
          fallback.name());
      return fallback.compose(question, retrieval);
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
      return fallback.compose(question, retrieval);
    }
    return new Outcome.Answered(question, checked.text(), citations, NAME);
  }

  /** Stops the call threads, cancelling calls in flight, and closes the fallback. */
  @Override
  public void close() {
    calls.shutdownNow();
    fallback.close();
  }

  /** The backend's reply within the deadline; any failure becomes an {@link LlmException}. */
  private String call(String system, String user) {
    Future<String> f = calls.submit(() -> backend.complete(system, user));
    try {
      String reply = f.get(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      if (reply == null || reply.isBlank()) {
        throw new LlmException("empty reply");
      }
      return reply;
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new LlmException("no reply within the deadline of " + deadline.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while waiting for the reply", e);
    } catch (CancellationException e) {
      throw new LlmException("call cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LlmException l) {
        throw l;
      }
      throw new LlmException("backend failed: " + cause, cause);
    }
  }
}
