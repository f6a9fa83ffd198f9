package org.guizhoubot.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.feed.Feed;
import org.guizhoubot.feed.FeedResult;
import org.guizhoubot.feed.Subscription;
import org.guizhoubot.library.PollReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Manages RSS and Atom feed subscriptions: add, list, remove, and poll now. */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = {"Manages news feed (RSS, Atom) subscriptions.", "The bot polls them on a schedule."},
    subcommands = {FeedCommand.Add.class, FeedCommand.ListFeeds.class, FeedCommand.Remove.class, FeedCommand.Poll.class})
final class FeedCommand implements Runnable {
  @ParentCommand Cli cli;

  @Override
  public void run() {
    throw new BadInputException("give a subcommand: feed add URL, feed list, feed remove URL or feed poll");
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Subscribes to a feed (fetched once to check it).")
  static final class Add implements Callable<Integer> {
    @ParentCommand FeedCommand parent;
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "URL", description = "The feed's http:// or https:// address.") String url;

    @Override
    public Integer call() {
      Cli cli = parent.cli;
      try (App app = cli.open(common)) {
        Subscription s = app.library().subscribe(url);
        if (s instanceof Subscription.Subscribed ok) {
          cli.out.println("Subscribed to " + ok.feed().url() + title(ok.feed()) + ": " + ok.items()
              + " items now; run feed poll (or wait for the bot's next poll) to add them");
          return Cli.OK;
        }
        if (s instanceof Subscription.AlreadySubscribed already) {
          cli.out.println("Already subscribed to " + already.feed().url());
          return Cli.OK;
        }
        cli.out.println("  skipped " + ((Subscription.Refused) s).problem());
        return Cli.BAD_INPUT;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the subscribed feeds and their state.")
  static final class ListFeeds implements Callable<Integer> {
    @ParentCommand FeedCommand parent;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      Cli cli = parent.cli;
      try (App app = cli.open(common)) {
        List<Feed> feeds = app.library().feeds();
        for (Feed f : feeds) {
          cli.out.println(f.url() + title(f) + ", last polled " + (f.lastPolled() == null ? "never" : f.lastPolled())
              + (f.failures() == 0 ? "" : ", " + f.failures() + " failures in a row (" + f.lastError()
                  + "), next try after " + f.nextAttempt()));
        }
        cli.out.println(feeds.size() + " feeds");
        return Cli.OK;
      }
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = {"Ends a subscription.", "The articles it brought stay (remove them with remove ID)."})
  static final class Remove implements Callable<Integer> {
    @ParentCommand FeedCommand parent;
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "URL", description = "The feed's address, as feed list shows it.") String url;

    @Override
    public Integer call() {
      Cli cli = parent.cli;
      try (App app = cli.open(common)) {
        if (app.library().unsubscribe(url)) {
          cli.out.println("Unsubscribed from " + url);
          return Cli.OK;
        }
        cli.out.println("  skipped " + new Problem(url, "is not subscribed (see feed list)"));
        return Cli.BAD_INPUT;
      }
    }
  }

  @Command(name = "poll", mixinStandardHelpOptions = true,
      description = {"Fetches every feed once, now, and indexes the new items.",
          "Feeds backing off after failures are fetched too."})
  static final class Poll implements Callable<Integer> {
    @ParentCommand FeedCommand parent;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      Cli cli = parent.cli;
      try (App app = cli.open(common)) {
        PollReport report = app.library().pollFeeds(true, IndexCommand.progress(cli));
        boolean failed = false;
        for (FeedResult r : report.feeds()) {
          if (r instanceof FeedResult.Polled p) {
            cli.out.println(p.feedUrl() + ": " + p.added().size() + " new, " + p.duplicates() + " duplicates, "
                + p.itemProblems().size() + " items failed");
            p.backlog().ifPresent(b -> cli.out.println("  " + b));
            for (Article a : p.added()) {
              cli.out.println("  Added " + a.id() + ": " + a.title());
            }
            for (Problem pr : p.itemProblems()) {
              cli.out.println("  skipped " + pr);
            }
            failed |= !p.itemProblems().isEmpty();
          } else if (r instanceof FeedResult.Failed f) {
            cli.out.println("  failed " + f.problem() + " (" + f.failures() + " in a row; retried after "
                + f.nextAttempt() + ")");
            failed = true;
          }
        }
        if (report.index() != null) {
          IndexCommand.printReport(cli, report.index());
        }
        return failed ? Cli.BAD_INPUT : Cli.OK;
      }
    }
  }

  private static String title(Feed f) {
    return f.title() == null ? "" : " (" + f.title() + ")";
  }
}
