package org.guizhoubot.telegram.chat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.guizhoubot.concurrent.DaemonThreads;

/**
 * Every thread the bot's logic runs on, made and stopped here: workers for chats (answers and
 * replies), admin work (imports, reindexes), non-essential Bot API calls, and the typing ticker.
 */
final class BotExecutors implements AutoCloseable {
  /** Answers and replies, in order per chat (see {@link OrderedQueues}). */
  final ExecutorService workers;
  /** Imports and reindexes, which may take minutes; grows as admins ask, which is rarely. */
  final ExecutorService admin;
  /** Non-essential calls (typing, the command menu): few threads, dropped rather than queued when they pile up. */
  final ExecutorService side;
  /** Updates of replies shown while they are written, at most one running per reply. */
  final ExecutorService live;
  /** Repeats "typing..." while a question is answered, and paces the updates of replies being written. */
  final ScheduledExecutorService ticker;

  BotExecutors(int workerThreads) {
    workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        DaemonThreads.factory("bot-worker"));
    admin = Executors.newCachedThreadPool(DaemonThreads.factory("bot-admin"));
    side = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
        DaemonThreads.factory("bot-side"), new ThreadPoolExecutor.DiscardPolicy());
    live = Executors.newCachedThreadPool(DaemonThreads.factory("bot-live"));
    ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("bot-typing"));
  }

  /** Whether no worker task is queued or running. */
  boolean workersIdle() {
    ThreadPoolExecutor pool = (ThreadPoolExecutor) workers;
    return pool.getQueue().isEmpty() && pool.getActiveCount() == 0;
  }

  /** Lets queued replies go out (up to about two seconds), then stops every thread. */
  @Override
  public void close() {
    ticker.shutdownNow();
    DaemonThreads.stop(workers, 2000);
    DaemonThreads.stop(admin, 500);
    DaemonThreads.stop(side, 200);
    DaemonThreads.stop(live, 200);
  }
}
